package dev.mailwizard.model;

import java.util.List;

/**
 * The IANA ports of mail submission and access and the security mode each implies (RFC 8314,
 * RFC 6409): the one table that the probe matrix, the exporters and the command line read.
 */
public final class WellKnownPorts {
    /** A well-known port and the mode a client assumes on it. */
    public record Entry(Protocol protocol, int port, Security security) {
    }

    /** Best first within each protocol: implicit TLS, then STARTTLS. */
    public static final List<Entry> ALL = List.of(
            new Entry(Protocol.SMTP, 465, Security.TLS),
            new Entry(Protocol.SMTP, 587, Security.STARTTLS),
            new Entry(Protocol.SMTP, 25, Security.STARTTLS),
            new Entry(Protocol.IMAP, 993, Security.TLS),
            new Entry(Protocol.IMAP, 143, Security.STARTTLS),
            new Entry(Protocol.POP3, 995, Security.TLS),
            new Entry(Protocol.POP3, 110, Security.STARTTLS));

    private WellKnownPorts() {
    }

    /** The mode a port-guessing client uses on this port, or null for a port without a rule. */
    public static Security implied(Protocol protocol, int port) {
        return ALL.stream().filter(e -> e.protocol() == protocol && e.port() == port).map(Entry::security).findFirst().orElse(null);
    }

    /** The port to use when only the mode is known: 465/587, 993/143, 995/110 (plain uses the STARTTLS port). */
    public static int defaultPort(Protocol protocol, Security security) {
        Security wanted = security == Security.TLS ? Security.TLS : Security.STARTTLS;
        return ALL.stream().filter(e -> e.protocol() == protocol && e.security() == wanted).findFirst().orElseThrow().port();
    }

    /** The incoming protocol whose well-known port this is (143, 993: IMAP; 110, 995: POP3), else SMTP. */
    public static Protocol protocolOf(int port) {
        return ALL.stream().filter(e -> e.port() == port && e.protocol() != Protocol.SMTP).map(Entry::protocol).findFirst().orElse(Protocol.SMTP);
    }
}
