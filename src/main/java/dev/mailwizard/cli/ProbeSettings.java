package dev.mailwizard.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options that say how to test, shared by {@code probe} and {@code batch} (picocli reads
 * inherited options), as picocli sets them; {@link ProbeArguments} checks them into
 * {@link ParsedSettings}. What is per account (the target, typed hosts, the password) stays in probe.
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
}
