package dev.mailwizard.model;

/**
 * The verdict of one probe. The names are the public JSON contract (CONTRACT.md); the words (what
 * happened, what to do, one sentence for the person) are in the {@link Words} bundle.
 */
public enum Outcome {
    OK, LOGIN_REJECTED, LOGIN_UNAVAILABLE, STARTTLS_NOT_OFFERED, STARTTLS_REFUSED, TLS_HANDSHAKE_FAILED,
    CERT_UNTRUSTED, CERT_HOSTNAME_MISMATCH, CERT_EXPIRED, NOT_TLS, PROTOCOL_ERROR, REFUSED, TIMEOUT, UNRESOLVED,
    PLAIN_OK, SKIPPED;

    /** What happened, in plain English words (for details and the JSON report). */
    public String meaning() {
        return meaning(AppLanguage.ENGLISH);
    }

    /** What happened, in plain words in {@code language}. */
    public String meaning(AppLanguage language) {
        return Words.in(language, key() + ".meaning");
    }

    /** What to do about it, in English; empty when nothing needs doing. */
    public String advice() {
        return advice(AppLanguage.ENGLISH);
    }

    public String advice(AppLanguage language) {
        return Words.in(language, key() + ".advice");
    }

    /** The key of this outcome's words in the {@link Words} bundle: "outcome.tls_handshake_failed". */
    public String key() {
        return "outcome." + name().toLowerCase(java.util.Locale.ROOT);
    }

    /** What an outcome means for the person, the one rule every face (text, HTML, wizard) colours by. */
    public enum Severity {
        /** Works as it is. */
        WORKS,
        /** The server is usable or was not judged, but something needs the person's attention. */
        WARNING,
        /** This endpoint cannot be used. */
        FAILS
    }

    /**
     * How this outcome is shown. A refused login is a warning, not a failure: the settings are
     * right and only the password (or the kind of password) must change.
     */
    public Severity severity() {
        return switch (this) {
            case OK -> Severity.WORKS;
            case LOGIN_REJECTED, LOGIN_UNAVAILABLE, PLAIN_OK, SKIPPED -> Severity.WARNING;
            default -> Severity.FAILS;
        };
    }

    /** The outcome with this contract name, or null for a name this version does not know (a newer report). */
    public static Outcome named(String name) {
        for (Outcome o : values()) {
            if (o.name().equals(name)) {
                return o;
            }
        }
        return null;
    }

    /** Encrypted with a verified (or pinned) certificate and, where a login was tried, accepted. */
    public boolean secureAndWorking() {
        return this == OK;
    }

    /** The server itself is good (verified TLS); only the account side stopped us. */
    public boolean secureTransport() {
        return this == OK || this == LOGIN_REJECTED || this == LOGIN_UNAVAILABLE;
    }
}
