package dev.mailwizard.probe;

import dev.mailwizard.model.DisplayText;

/**
 * What happened to the login check on one probe. {@code reply} is the server's answer, never
 * anything we sent; {@code detail} says in words why a login was or was not tried.
 */
public record LoginReport(boolean attempted, String mechanism, LoginStatus result, String reply, String detail) {
    public LoginReport {
        reply = DisplayText.serverLine(reply);
        detail = DisplayText.escape(detail);
    }

    public static LoginReport notAttempted(String why) {
        return new LoginReport(false, null, LoginStatus.NOT_ATTEMPTED, null, why);
    }
}
