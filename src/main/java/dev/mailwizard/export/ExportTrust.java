package dev.mailwizard.export;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trust the tested settings depend on (the report's {@code trust}): the CA certificates of the
 * {@code --trust-ca} files, as PEM text ready to copy next to the exported files, and the pinned
 * certificate fingerprints, with the servers they were seen on ({@code "host:port"}).
 *
 * @param caSources     the CA files the report names, as it names them
 * @param caPem         their certificates, PEM, nothing else of those files ("" when none)
 * @param pins          the SHA-256 fingerprints ("AB:CD:…")
 * @param pinnedServers {@code "host:port"} to the pinned fingerprint its certificate had in the report
 */
public record ExportTrust(List<String> caSources, String caPem, List<String> pins, Map<String, String> pinnedServers) {
    public static final ExportTrust NONE = new ExportTrust(List.of(), "", List.of(), Map.of());

    public ExportTrust {
        caSources = List.copyOf(caSources);
        caPem = caPem == null ? "" : caPem;
        pins = List.copyOf(pins);
        pinnedServers = Map.copyOf(pinnedServers);
    }

    public boolean hasCa() {
        return !caPem.isEmpty();
    }

    public boolean isEmpty() {
        return !hasCa() && pins.isEmpty();
    }

    /** The pinned fingerprint of this server's certificate, when the report saw a pinned one there. */
    public Optional<String> pinFor(ServerSetting s) {
        return Optional.ofNullable(pinnedServers.get(s.host() + ":" + s.port()));
    }
}
