package dev.mailwizard.model;

import java.util.Objects;

/**
 * A service that the domain's DNS deliberately says it does not offer: an SRV record whose
 * target is "." (RFC 2782, RFC 6186 §3.4). Knowing it, MailWizard does not guess servers for that
 * protocol as if nothing had been said.
 *
 * @param protocol   the protocol of the service
 * @param security   implicit TLS for {@code _submissions}/{@code _imaps}/{@code _pop3s}, STARTTLS for the others
 * @param recordName the SRV name that said so, e.g. {@code _submissions._tcp.example.com}
 */
public record DeclinedService(Protocol protocol, Security security, String recordName) {
    public DeclinedService {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(recordName, "recordName");
    }
}
