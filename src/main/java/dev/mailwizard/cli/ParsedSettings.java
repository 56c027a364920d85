package dev.mailwizard.cli;

import dev.mailwizard.discovery.DiscoveryConfig;
import dev.mailwizard.model.HostMapping;
import dev.mailwizard.probe.AddressResolver;
import dev.mailwizard.probe.TrustMaterial;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options {@code probe} and {@code batch} share ({@link ProbeSettings}), checked and typed by
 * {@link ProbeArguments}: how to test, whom to trust, where names point and where discovery looks.
 *
 * @param timeout   the deadline of each single probe
 * @param caFiles   every {@code --trust-ca} file with its certificates, in the order given
 * @param pins      {@code --pin} fingerprints, normalized
 * @param dnsServer {@code --dns}, or null for the system's
 * @param ispdb     {@code --ispdb}, or null for the default
 */
record ParsedSettings(PortChoice ports, Duration timeout, Map<Path, List<X509Certificate>> caFiles, List<String> pins,
                      List<HostMapping> mappings, InetSocketAddress dnsServer, URI ispdb) {
    ParsedSettings {
        caFiles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(caFiles));
        pins = List.copyOf(pins);
        mappings = List.copyOf(mappings);
    }

    /** The certificates of every {@code --trust-ca} file. */
    List<X509Certificate> extraCas() {
        return caFiles.values().stream().flatMap(List::stream).toList();
    }

    /** {@code base} (the system's trust store, or a test's) plus the CA files and pins, which the report records. */
    TrustMaterial trust(TrustMaterial base) {
        TrustMaterial trust = base;
        for (Map.Entry<Path, List<X509Certificate>> f : caFiles.entrySet()) {
            trust = trust.withCaFile(f.getKey(), f.getValue());
        }
        return trust.withPins(pins);
    }

    AddressResolver resolver() {
        return new AddressResolver(mappings);
    }

    DiscoveryConfig discoveryConfig() {
        return DiscoveryConfig.defaults().with(dnsServer, ispdb, mappings, extraCas());
    }
}
