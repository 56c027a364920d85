package dev.mailwizard.model;

import java.util.Objects;

/**
 * A server that discovery proposes, with where it came from and whether credentials may go to it
 * without asking the user (trusted) or only after the user confirms it.
 */
public record ServerCandidate(Protocol protocol, String host, Integer port, Security security,
                              CandidateSource source, boolean trusted, String detail) {
    public ServerCandidate {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(source, "source");
        host = HostNames.toAscii(host);
        if (port != null) {
            Ports.check(port);
        }
        detail = detail == null ? "" : DisplayText.escape(detail); // may quote DNS or autoconfig data
    }
}
