package dev.mailwizard.probe;

import dev.mailwizard.model.DisplayText;

/**
 * What happened to the login check on one probe. {@code reply} is the server's answer, never
 * anything we sent; {@code detail} says in words why a login was or was not tried;
 * {@code refusal} reads a refused login's reply (null unless the result is REJECTED).
 */
public record LoginReport(boolean attempted, String mechanism, LoginStatus result, String reply, String detail, RefusalDiagnosis refusal) {
    /** The only login method of this version (the contract's {@code "method"}); OAuth2 comes later. */
    public static final String PASSWORD = "password";

    public LoginReport {
        reply = DisplayText.serverLine(reply);
        detail = DisplayText.escape(detail);
    }

    public LoginReport(boolean attempted, String mechanism, LoginStatus result, String reply, String detail) {
        this(attempted, mechanism, result, reply, detail, null);
    }

    public static LoginReport notAttempted(String why) {
        return new LoginReport(false, null, LoginStatus.NOT_ATTEMPTED, null, why);
    }

    /** How the login proves who you are: always "password" in this version. */
    public String method() {
        return PASSWORD;
    }
}
