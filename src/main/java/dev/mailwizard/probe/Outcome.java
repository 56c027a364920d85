package dev.mailwizard.probe;

/**
 * The verdict of one probe. The names are the public JSON contract (CONTRACT.md); the texts are
 * what a person reads: what happened, and what to do about it.
 */
public enum Outcome {
    OK("works: encrypted, certificate verified", ""),
    LOGIN_REJECTED("the server refused the login name or password",
            "check the password (and the login name); some providers need an app password"),
    LOGIN_UNAVAILABLE("encrypted and verified, but the server offers no login method here",
            "this port may be for server-to-server mail only; use a submission port (465 or 587)"),
    STARTTLS_NOT_OFFERED("the server did not offer encryption (STARTTLS): it may have been stripped on the way",
            "do not use this port: a network device or the server removed STARTTLS; try 465"),
    STARTTLS_REFUSED("the server advertised STARTTLS but refused to start it",
            "the server's TLS set-up is broken on this port; use another port or tell the mail provider"),
    TLS_HANDSHAKE_FAILED("the encrypted connection could not be set up",
            "the server may only speak an outdated TLS version (below 1.2) or something else answers on this port"),
    CERT_UNTRUSTED("the server's certificate is not signed by an authority this computer trusts",
            "self-signed or private certificate: get the right CA certificate (--trust-ca) or check the fingerprint with the provider"),
    CERT_HOSTNAME_MISMATCH("the certificate belongs to another server name",
            "use the host name the certificate names, or ask the provider for the right server name"),
    CERT_EXPIRED("the server's certificate is expired or not yet valid",
            "check this computer's clock; otherwise the provider must renew its certificate"),
    NOT_TLS("this port should start encrypted but the server answered in plain text",
            "use STARTTLS on this port, or the right implicit-TLS port (465)"),
    PROTOCOL_ERROR("the server's replies broke the mail protocol",
            "something other than a normal mail server (or a meddling firewall) answers on this port"),
    REFUSED("the connection was refused or cut", "the port is closed or blocked by a firewall; try another port"),
    TIMEOUT("no answer in time", "the port is probably blocked by your network or the server is overloaded"),
    UNRESOLVED("the server name does not exist in DNS", "check the spelling of the server name"),
    PLAIN_OK("works, but without encryption: passwords and mail would travel readable",
            "use only if nothing encrypted works and the network is trusted"),
    SKIPPED("not tried", "");

    private final String meaning;
    private final String advice;

    Outcome(String meaning, String advice) {
        this.meaning = meaning;
        this.advice = advice;
    }

    /** What happened, in plain words. */
    public String meaning() {
        return meaning;
    }

    /** What to do about it; empty when nothing needs doing. */
    public String advice() {
        return advice;
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
