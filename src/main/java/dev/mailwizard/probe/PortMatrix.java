package dev.mailwizard.probe;

import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;
import dev.mailwizard.model.WellKnownPorts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which (port, security) pairs to try on each SMTP host, in order of preference: RFC 8314 puts
 * implicit TLS on 465 first, STARTTLS on 587 next; 2525 is a common unofficial alternative and
 * 25 is mostly for server-to-server mail.
 */
public final class PortMatrix {
    /** The contract's default SMTP matrix, best first. */
    public static final List<PortMode> DEFAULT = List.of(
            new PortMode(465, Security.TLS),
            new PortMode(587, Security.STARTTLS),
            new PortMode(25, Security.STARTTLS),
            new PortMode(2525, Security.STARTTLS),
            new PortMode(2525, Security.TLS));
    private static final List<Integer> PLAIN_PORTS = List.of(587, 25, 2525);

    /** The incoming matrix (--incoming), best first: IMAP before POP3, implicit TLS before STARTTLS (the well-known ports). */
    public static final List<PortMode> INCOMING = WellKnownPorts.ALL.stream().filter(e -> e.protocol() != Protocol.SMTP)
            .map(e -> new PortMode(e.protocol(), e.port(), e.security())).toList();

    /** A protocol, a port and how to secure it. */
    public record PortMode(Protocol protocol, int port, Security security) {
        /** An SMTP port and mode. */
        public PortMode(int port, Security security) {
            this(Protocol.SMTP, port, security);
        }
    }

    /** A port the person named ({@code --port [smtp:|imap:|pop3:]N}) and the protocol it speaks. */
    public record Port(Protocol protocol, int port) {
    }

    private PortMatrix() {
    }

    /**
     * Every (protocol, port, mode) to try for one request, best first: the SMTP pairs for the
     * SMTP ports named (the default matrix when none is named, nothing when only incoming ports
     * are), then, for incoming mail, the incoming matrix or only the IMAP and POP3 ports named.
     * Empty when the filters leave nothing; the caller says why.
     *
     * @param ports      the ports named, any protocol (empty: the default matrix)
     * @param securities only these modes (empty: all encrypted modes, plus plain if allowed)
     * @param allowPlain also try unencrypted connections
     * @param incoming   also test incoming mail; an IMAP or POP3 port in {@code ports} asks for it by itself
     */
    public static List<PortMode> plan(List<Port> ports, Set<Security> securities, boolean allowPlain, boolean incoming) {
        boolean plainWanted = allowPlain || securities.contains(Security.PLAIN);
        List<Integer> smtp = ports.stream().filter(p -> p.protocol() == Protocol.SMTP).map(Port::port).toList();
        List<Port> named = ports.stream().filter(p -> p.protocol() != Protocol.SMTP).toList();
        List<PortMode> out = new ArrayList<>(smtp.isEmpty() && !named.isEmpty() ? List.of() : select(smtp, securities, plainWanted));
        if (incoming || !named.isEmpty()) {
            out.addAll(incomingPlan(named, securities, plainWanted));
        }
        return List.copyOf(out);
    }

    /** The incoming matrix, or the named incoming ports: a standard one in its modes, another one both ways of encrypting it. */
    private static List<PortMode> incomingPlan(List<Port> named, Set<Security> securities, boolean plainWanted) {
        List<PortMode> standard = incoming(securities, plainWanted);
        if (named.isEmpty()) {
            return standard;
        }
        List<PortMode> out = new ArrayList<>();
        for (Port port : named) {
            List<PortMode> known = standard.stream().filter(m -> m.protocol() == port.protocol() && m.port() == port.port()).toList();
            if (!known.isEmpty()) {
                out.addAll(known);
                continue;
            }
            for (Security sec : Security.values()) { // plain only when asked for
                boolean wanted = securities.isEmpty() ? sec != Security.PLAIN || plainWanted : securities.contains(sec);
                if (wanted) {
                    out.add(new PortMode(port.protocol(), port.port(), sec));
                }
            }
        }
        return out;
    }

    /**
     * The pairs to try.
     *
     * @param ports      only these ports (empty: the default matrix)
     * @param securities only these modes (empty: all encrypted modes, plus plain if allowed)
     * @param allowPlain also try unencrypted connections
     */
    public static List<PortMode> select(List<Integer> ports, Set<Security> securities, boolean allowPlain) {
        boolean plainWanted = allowPlain || securities.contains(Security.PLAIN);
        Set<PortMode> out = new LinkedHashSet<>();
        List<Integer> portList = ports.isEmpty() ? DEFAULT.stream().map(PortMode::port).distinct().toList() : ports;
        for (int port : portList) {
            List<PortMode> modes = new ArrayList<>(DEFAULT.stream().filter(m -> m.port() == port).toList());
            if (modes.isEmpty()) {
                modes.add(new PortMode(port, Security.TLS));
                modes.add(new PortMode(port, Security.STARTTLS));
            }
            boolean implicitOnly = WellKnownPorts.implied(Protocol.SMTP, port) == Security.TLS;
            if (plainWanted && !implicitOnly && (PLAIN_PORTS.contains(port) || !ports.isEmpty())) {
                modes.add(new PortMode(port, Security.PLAIN));
            }
            for (PortMode m : modes) {
                if (securities.isEmpty() || securities.contains(m.security())) {
                    out.add(m);
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * The incoming pairs to try: the incoming matrix, plus plain IMAP 143 and POP3 110 when
     * allowed, filtered by {@code securities} when given.
     */
    public static List<PortMode> incoming(Set<Security> securities, boolean allowPlain) {
        List<PortMode> out = new ArrayList<>(INCOMING);
        if (allowPlain || securities.contains(Security.PLAIN)) {
            out.add(new PortMode(Protocol.IMAP, WellKnownPorts.defaultPort(Protocol.IMAP, Security.PLAIN), Security.PLAIN));
            out.add(new PortMode(Protocol.POP3, WellKnownPorts.defaultPort(Protocol.POP3, Security.PLAIN), Security.PLAIN));
        }
        out.removeIf(m -> !securities.isEmpty() && !securities.contains(m.security()));
        return List.copyOf(out);
    }

    /** Rank across protocols: IMAP before POP3 (both after nothing: they are ranked apart from SMTP). */
    public static int rank(Protocol protocol, int port, Security security) {
        int base = protocol == Protocol.POP3 ? 100 : 0;
        return base + rank(port, security);
    }

    /** Preference rank of an endpoint, lower is better (used by the recommendation). */
    public static int rank(int port, Security security) {
        for (int i = 0; i < DEFAULT.size(); i++) {
            if (DEFAULT.get(i).port() == port && DEFAULT.get(i).security() == security) {
                return i == 2 ? 4 : i == 3 ? 2 : i == 4 ? 3 : i; // 465, 587, 2525 STARTTLS, 2525 TLS, then 25
            }
        }
        return switch (security) {
            case TLS -> 10;
            case STARTTLS -> 11;
            case PLAIN -> 20;
        };
    }
}
