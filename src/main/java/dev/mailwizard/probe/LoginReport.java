package dev.mailwizard.probe;

import dev.mailwizard.model.AuthMethod;
import dev.mailwizard.model.DisplayText;

/**
 * What happened to the login check on one probe. {@code method} is how the login proves who you
 * are (password or OAuth2 token; null when no secret was given); {@code reply} is the server's
 * answer, never anything we sent; {@code detail} says in words why a login was or was not tried;
 * {@code refusal} reads a refused login's reply (null unless the result is REJECTED).
 */
public record LoginReport(boolean attempted, AuthMethod method, String mechanism, LoginStatus result, String reply, String detail,
                          RefusalDiagnosis refusal) {
    public LoginReport {
        reply = DisplayText.serverLine(reply);
        detail = DisplayText.escape(detail);
    }

    public LoginReport(boolean attempted, String mechanism, LoginStatus result, String reply, String detail, RefusalDiagnosis refusal) {
        this(attempted, AuthMethod.PASSWORD, mechanism, result, reply, detail, refusal);
    }

    public LoginReport(boolean attempted, String mechanism, LoginStatus result, String reply, String detail) {
        this(attempted, mechanism, result, reply, detail, null);
    }

    public static LoginReport notAttempted(String why) {
        return new LoginReport(false, null, LoginStatus.NOT_ATTEMPTED, null, why);
    }

    /** No login on this probe, though the run has a secret of this kind (null: none, as {@link #notAttempted(String)}). */
    public static LoginReport notAttempted(String why, AuthMethod method) {
        return method == null ? notAttempted(why) : new LoginReport(false, method, null, LoginStatus.NOT_ATTEMPTED, null, why, null);
    }

    /** The contract's {@code "method"} id ("password" or "oauth2"); "password" when no secret was given. */
    public String methodId() {
        return method == null ? AuthMethod.PASSWORD.id() : method.id();
    }
}
