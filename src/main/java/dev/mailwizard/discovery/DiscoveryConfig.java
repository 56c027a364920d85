package dev.mailwizard.discovery;

import dev.mailwizard.model.HostMapping;

import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/**
 * How discovery reaches the world: the DNS server ({@code null}: the system's), the ISPDB, host
 * mappings ({@code --resolve}), extra CA certificates for HTTPS, timeouts, and the HTTP(S) ports
 * (443/80; tests point them at local servers).
 */
public record DiscoveryConfig(InetSocketAddress dnsServer, URI ispdb, List<HostMapping> mappings,
                              List<X509Certificate> extraCas, Duration dnsTimeout, Duration httpTimeout,
                              int httpsPort, int httpPort) {
    public static final URI DEFAULT_ISPDB = URI.create("https://autoconfig.thunderbird.net/v1.1/");

    public DiscoveryConfig {
        mappings = List.copyOf(mappings);
        extraCas = List.copyOf(extraCas);
        ispdb = ispdb == null ? DEFAULT_ISPDB : ispdb;
    }

    public static DiscoveryConfig defaults() {
        return new DiscoveryConfig(null, DEFAULT_ISPDB, List.of(), List.of(), Duration.ofSeconds(3), Duration.ofSeconds(5), 443, 80);
    }

    public DiscoveryConfig with(InetSocketAddress dns, URI ispdbBase, List<HostMapping> maps, List<X509Certificate> cas) {
        return new DiscoveryConfig(dns, ispdbBase, maps, cas, dnsTimeout, httpTimeout, httpsPort, httpPort);
    }

    /** The longest a whole discovery may take: the slowest source's timeout and a little slack. */
    public Duration overallDeadline() {
        return (httpTimeout.compareTo(dnsTimeout) > 0 ? httpTimeout : dnsTimeout).plusMillis(1000);
    }
}
