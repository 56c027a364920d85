package dev.mailwizard.cli;

import dev.mailwizard.model.Ports;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.WellKnownPorts;
import dev.mailwizard.probe.PortMatrix;

import java.util.Locale;

/** Reads a {@code --port [smtp:|imap:|pop3:]N} value; a bare standard IMAP or POP3 port speaks that protocol. */
final class PortSpec {
    private PortSpec() {
    }

    static PortMatrix.Port parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        Protocol protocol = null;
        int colon = v.indexOf(':');
        if (colon >= 0) {
            String prefix = v.substring(0, colon);
            protocol = switch (prefix) {
                case "smtp" -> Protocol.SMTP;
                case "imap" -> Protocol.IMAP;
                case "pop3", "pop" -> Protocol.POP3;
                default -> throw new UsageException("--port '" + value + "': unknown protocol '" + prefix + "' (use smtp:, imap: or pop3:)");
            };
            v = v.substring(colon + 1);
        }
        int port;
        try {
            port = Ports.parse(v);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--port '" + value + "': " + e.getMessage());
        }
        if (protocol == null) {
            protocol = WellKnownPorts.protocolOf(port);
        }
        return new PortMatrix.Port(protocol, port);
    }
}
