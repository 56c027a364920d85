package dev.mailwizard.model;

import java.util.Objects;

/** One (protocol, host, port, security) combination: the unit that a probe tests. */
public record Endpoint(Protocol protocol, String host, int port, Security security) {
    public Endpoint {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(security, "security");
        host = HostNames.toAscii(host);
        Ports.check(port);
    }

    public static Endpoint smtp(String host, int port, Security security) {
        return new Endpoint(Protocol.SMTP, host, port, security);
    }

    @Override
    public String toString() {
        return protocol + " " + host + ":" + port + " " + security;
    }
}
