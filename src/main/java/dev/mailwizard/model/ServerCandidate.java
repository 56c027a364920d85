package dev.mailwizard.model;

import java.util.List;
import java.util.Objects;

/**
 * A server that discovery proposes, with where it came from and whether credentials may go to it
 * without asking the user (trusted) or only after the user confirms it. {@code authentication}
 * holds the source's own words for how to log in ("password-cleartext", "OAuth2", ...), in its
 * order; empty when the source said nothing (DNS, MX, guesses).
 */
public record ServerCandidate(Protocol protocol, String host, Integer port, Security security,
                              CandidateSource source, boolean trusted, String detail, List<String> authentication) {
    public ServerCandidate {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(source, "source");
        host = HostNames.toAscii(host);
        if (port != null) {
            Ports.check(port);
        }
        detail = detail == null ? "" : DisplayText.escape(detail); // may quote DNS or autoconfig data
        authentication = authentication == null ? List.of()
                : authentication.stream().map(DisplayText::escape).toList();
    }

    /** A candidate whose source said nothing about how to log in. */
    public ServerCandidate(Protocol protocol, String host, Integer port, Security security,
                           CandidateSource source, boolean trusted, String detail) {
        this(protocol, host, port, security, source, trusted, detail, List.of());
    }

    /** Whether the source says this server takes OAuth2 sign-in. */
    public boolean offersOAuth2() {
        return authentication.stream().anyMatch(a -> a.equalsIgnoreCase("OAuth2"));
    }
}
