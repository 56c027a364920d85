package dev.mailwizard.model;

/** How a connection is protected. Names are the contract's JSON values. */
public enum Security {
    /** Implicit TLS: the handshake starts as soon as the TCP connection is up (RFC 8314). */
    TLS("SSL/TLS"),
    /** A plain connection upgraded with STARTTLS (SMTP), STARTTLS (IMAP) or STLS (POP3). */
    STARTTLS("STARTTLS"),
    /** No encryption at all. */
    PLAIN("none (unencrypted)");

    private final String label;

    Security(String label) {
        this.label = label;
    }

    /** The words mail clients use in their settings dialogs. */
    public String label() {
        return label;
    }

    /** The same, short enough for a table column ("none" for plain). */
    public String shortLabel() {
        return this == PLAIN ? "none" : label;
    }

    /** The mode with this contract name (TLS, STARTTLS, PLAIN), or null for a name this version does not know. */
    public static Security named(String name) {
        for (Security s : values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }

    public boolean encrypted() {
        return this != PLAIN;
    }

    /** Parses a command-line value (tls, ssl, starttls, plain, none), case-insensitive. */
    public static Security parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (v) {
            case "tls", "ssl", "implicit" -> TLS;
            case "starttls" -> STARTTLS;
            case "plain", "none" -> PLAIN;
            default -> throw new IllegalArgumentException(
                    "unknown security mode '" + value + "': use tls, starttls or plain");
        };
    }
}
