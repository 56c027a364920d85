package dev.mailwizard.probe;

/** The result of {@code --send-test}: to whom, and the server's reply to the message. */
public record TestMessage(String to, boolean accepted, String reply) {
}
