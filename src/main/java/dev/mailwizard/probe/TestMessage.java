package dev.mailwizard.probe;

import dev.mailwizard.model.DisplayText;

/** The result of {@code --send-test}: to whom, and the server's reply to the message. */
public record TestMessage(String to, boolean accepted, String reply) {
    public TestMessage {
        to = DisplayText.escape(to);
        reply = DisplayText.serverLine(reply);
    }
}
