package dev.mailwizard.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options that say how to test, shared by {@code probe} and {@code batch} (picocli reads
 * inherited options). What is per account (the target, typed hosts, the password) stays in probe.
 */
abstract class ProbeSettings {
    @Option(names = "--port", paramLabel = "[smtp:|imap:|pop3:]N", description = "only these ports (repeatable)")
    List<String> ports = new ArrayList<>();

    @Option(names = "--security", paramLabel = "tls|starttls|plain", description = "only these modes (repeatable)")
    List<String> securities = new ArrayList<>();

    @Option(names = "--allow-plain", description = "also try unencrypted connections (no password is sent on them)")
    boolean allowPlain;

    @Option(names = "--trust-ca", paramLabel = "FILE", description = "also trust the PEM certificate(s) in FILE (repeatable)")
    List<Path> trustCa = new ArrayList<>();

    @Option(names = "--pin", paramLabel = "SHA256", description = "accept a server certificate with this SHA-256 fingerprint (repeatable)")
    List<String> pins = new ArrayList<>();

    @Option(names = "--resolve", paramLabel = "HOST:ADDRESS", description = "connect to ADDRESS whenever HOST is needed (repeatable)")
    List<String> resolves = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "deadline for each single probe, all phases together (default 10)")
    String timeout = "10";

    @Option(names = "--dns", paramLabel = "SERVER[:PORT]", description = "DNS server for MX/SRV look-ups (default: the system's)")
    String dns;

    @Option(names = "--ispdb", paramLabel = "URL", description = "ISPDB base URL (default https://autoconfig.thunderbird.net/v1.1/)")
    String ispdb;

    @Option(names = "--incoming", description = "also find and test IMAP/POP3 (993, 143 STARTTLS, 995, 110 STLS)")
    boolean incoming;

    @picocli.CommandLine.Mixin
    OutputOptions output = new OutputOptions();

    /** The certificates of every --trust-ca file, read once (batch validates each line with them). */
    private List<java.security.cert.X509Certificate> extraCas;

    List<java.security.cert.X509Certificate> extraCas() {
        if (extraCas == null) {
            List<java.security.cert.X509Certificate> read = new ArrayList<>();
            for (Path file : trustCa) {
                read.addAll(UsageException.orUsage(() -> dev.mailwizard.probe.TrustMaterial.readPem(file)));
            }
            extraCas = List.copyOf(read);
        }
        return extraCas;
    }

    /** Gives {@code other} the same settings (batch makes one probe per line). */
    void copySettingsTo(ProbeSettings other) {
        other.ports = new ArrayList<>(ports);
        other.securities = new ArrayList<>(securities);
        other.allowPlain = allowPlain;
        other.trustCa = new ArrayList<>(trustCa);
        other.extraCas = extraCas();
        other.pins = new ArrayList<>(pins);
        other.resolves = new ArrayList<>(resolves);
        other.timeout = timeout;
        other.dns = dns;
        other.ispdb = ispdb;
        other.incoming = incoming;
        other.output = output;
    }
}
