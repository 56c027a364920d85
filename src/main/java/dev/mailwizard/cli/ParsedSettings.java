package dev.mailwizard.cli;

import dev.mailwizard.discovery.DiscoveryConfig;
import dev.mailwizard.model.HostMapping;
import dev.mailwizard.probe.AddressResolver;
import dev.mailwizard.probe.TrustMaterial;

import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/**
 * The options {@code probe} and {@code batch} share ({@link ProbeSettings}), checked and typed by
 * {@link ProbeArguments}: how to test, whom to trust, where names point and where discovery looks.
 *
 * @param timeout   the deadline of each single probe
 * @param extraCas  the certificates of every {@code --trust-ca} file
 * @param pins      {@code --pin} fingerprints, normalized
 * @param dnsServer {@code --dns}, or null for the system's
 * @param ispdb     {@code --ispdb}, or null for the default
 */
record ParsedSettings(PortChoice ports, Duration timeout, List<X509Certificate> extraCas, List<String> pins,
                      List<HostMapping> mappings, InetSocketAddress dnsServer, URI ispdb) {
    ParsedSettings {
        extraCas = List.copyOf(extraCas);
        pins = List.copyOf(pins);
        mappings = List.copyOf(mappings);
    }

    /** {@code base} (the system's trust store, or a test's) plus the extra CAs and pins. */
    TrustMaterial trust(TrustMaterial base) {
        return base.withExtraCas(extraCas).withPins(pins);
    }

    AddressResolver resolver() {
        return new AddressResolver(mappings);
    }

    DiscoveryConfig discoveryConfig() {
        return DiscoveryConfig.defaults().with(dnsServer, ispdb, mappings, extraCas);
    }
}
