package dev.mailwizard.cli;

import dev.mailwizard.discovery.Discovery;
import dev.mailwizard.discovery.DiscoveryConfig;
import dev.mailwizard.discovery.DiscoveryResult;
import dev.mailwizard.model.Credentials;
import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.HostMapping;
import dev.mailwizard.model.HostNames;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;
import dev.mailwizard.model.ServerCandidate;
import dev.mailwizard.probe.AddressResolver;
import dev.mailwizard.probe.PlannedProbe;
import dev.mailwizard.probe.PortMatrix;
import dev.mailwizard.probe.ProbePlanner;
import dev.mailwizard.probe.ProbeJob;
import dev.mailwizard.probe.ProbeListener;
import dev.mailwizard.probe.ProbeOptions;
import dev.mailwizard.probe.ProbeRequest;
import dev.mailwizard.probe.TrustMaterial;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code mailwizard probe}: parses and checks everything first (bad input never reaches the
 * network), then runs one probe job and prints its report.
 */
@Command(name = "probe", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Finds and tests the outgoing (SMTP submission) settings for an e-mail address or a host name.",
        footer = {"", "Exit codes: 0 a secure working configuration, 1 none, 2 bad input, 3 login rejected, 130 cancelled.",
                "The password is never an argument: pipe it in with --password-stdin."})
public final class ProbeCommand extends ProbeSettings implements Callable<Integer> {
    private static final BigDecimal MAX_TIMEOUT = BigDecimal.valueOf(600);

    @Parameters(index = "0", paramLabel = "ADDRESS-OR-HOST", description = "e-mail address (alice@example.com) or mail server host name")
    String target;

    @Option(names = "--host", paramLabel = "HOST", description = "test this server (repeatable); skips discovery")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--allow-plain-auth", description = "allow the login check over an unencrypted connection (unsafe)")
    boolean allowPlainAuth;

    @Option(names = "--user", paramLabel = "NAME", description = "login name (default: the address)")
    String user;

    @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
    boolean passwordStdin;

    @Option(names = "--send-test", paramLabel = "TO", description = "after a successful login, send one short test message to TO")
    String sendTest;

    @Option(names = "--no-discovery", description = "use only --host")
    boolean noDiscovery;

    InputStream stdin = System.in;
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    /** Tests and the demo replace the system trust store; batch reads it once for all lines. */
    TrustMaterial baseTrust;
    /** Batch mode: no "Looking for..." line per address. */
    boolean quiet;

    @Override
    public Integer call() {
        Validated v = validate();
        List<PlannedProbe> plan = ProbePlanner.plan(v.candidates(), v.request().modes());
        ProbeListener progress = Terminal.interactive() ? new ProgressPrinter(stderr, plan.size()) : ProbeListener.NONE;
        ProbeJob job = new ProbeJob(v.request(), v.candidates(), plan, v.trust(), v.resolver(), progress).withDiscoveryNotes(v.discoveryNotes());
        return JobRunner.run(job, output.json, output.transcript, stdout);
    }

    record Validated(ProbeRequest request, List<ServerCandidate> candidates, List<String> discoveryNotes, TrustMaterial trust,
                     AddressResolver resolver) {
    }

    /** Checks every input; throws {@link UsageException} naming the first bad value. */
    Validated validate() {
        InetSocketAddress dnsServer = dns == null ? null : parseDns(dns);
        URI ispdbBase = ispdb == null ? null : parseIspdb(ispdb);
        EmailAddress address = null;
        String targetHost = null;
        if (target.contains("@")) {
            address = UsageException.orUsage(() -> EmailAddress.parse(target));
        } else {
            targetHost = UsageException.orUsage(() -> HostNames.toAscii(target));
        }
        List<String> typedHosts = new ArrayList<>();
        for (String h : hosts) {
            typedHosts.add(UsageException.orUsage(() -> HostNames.toAscii(h), "--host '" + HostNames.toUnicode(h.strip()) + "'"));
        }
        if (noDiscovery && typedHosts.isEmpty() && targetHost == null) {
            throw new UsageException("--no-discovery needs at least one --host");
        }
        List<Integer> portList = new ArrayList<>();
        List<PortSpec> incomingPorts = new ArrayList<>();
        for (String p : ports) {
            PortSpec spec = PortSpec.parse(p);
            if (spec.protocol() != Protocol.SMTP) {
                incoming = true; // an IMAP or POP3 port asks for incoming tests by itself
                incomingPorts.add(spec);
            } else {
                portList.add(spec.port());
            }
        }
        Set<Security> modes = EnumSet.noneOf(Security.class);
        for (String s : securities) {
            modes.add(UsageException.orUsage(() -> Security.parse(s), "--security"));
        }
        Duration deadline = parseTimeout(timeout);
        TrustMaterial trust = baseTrust != null ? baseTrust : TrustMaterial.system();
        List<X509Certificate> extraCas = extraCas();
        trust = trust.withExtraCas(extraCas);
        List<String> normalizedPins = new ArrayList<>();
        for (String pin : pins) {
            normalizedPins.add(UsageException.orUsage(() -> TrustMaterial.normalizePin(pin)));
        }
        trust = trust.withPins(normalizedPins);
        List<HostMapping> mappings = new ArrayList<>();
        for (String r : resolves) {
            mappings.add(UsageException.orUsage(() -> HostMapping.parse(r)));
        }
        String sendTo = null;
        if (sendTest != null) {
            sendTo = UsageException.orUsage(() -> EmailAddress.parse(sendTest), "--send-test").toString();
            if (!passwordStdin) {
                throw new UsageException("--send-test needs --password-stdin: the message is sent after a successful login");
            }
        }
        if (user != null && (user.isBlank() || user.chars().anyMatch(c -> c < 0x20 || c == 0x7f))) {
            throw new UsageException("--user '" + MailWizardCommand.oneLine(user) + "' is empty or contains control characters");
        }
        Credentials credentials = null;
        if (passwordStdin) {
            String login = user != null ? user : address != null ? address.toString() : null;
            if (login == null) {
                throw new UsageException("--user is needed with --password-stdin when probing a host name rather than an address");
            }
            credentials = new Credentials(login, readPassword());
        }
        List<ServerCandidate> candidates;
        List<String> notes = List.of();
        if (!typedHosts.isEmpty()) {
            candidates = Discovery.typed(typedHosts, incoming);
        } else if (targetHost != null) {
            candidates = Discovery.typed(List.of(targetHost), incoming);
        } else {
            if (Terminal.interactive() && !output.json && !quiet) {
                stderr.println("Looking for " + address.displayDomain() + "'s mail servers (DNS SRV, autoconfig, ISPDB, MX, guessing)...");
            }
            DiscoveryConfig config = DiscoveryConfig.defaults().with(dnsServer, ispdbBase, mappings, extraCas);
            DiscoveryResult found = Discovery.standard(config).discover(address);
            candidates = found.candidates();
            notes = found.notes();
        }
        boolean plainWanted = allowPlain || modes.contains(Security.PLAIN);
        List<PortMatrix.PortMode> matrix = new ArrayList<>(portList.isEmpty() && !incomingPorts.isEmpty()
                ? List.of() : PortMatrix.select(portList, modes, plainWanted));
        if (incoming) {
            List<PortMatrix.PortMode> standard = PortMatrix.incoming(modes, plainWanted);
            if (incomingPorts.isEmpty()) {
                matrix.addAll(standard);
            }
            for (PortSpec spec : incomingPorts) {
                List<PortMatrix.PortMode> known = standard.stream().filter(m -> m.protocol() == spec.protocol() && m.port() == spec.port()).toList();
                if (!known.isEmpty()) {
                    matrix.addAll(known);
                    continue;
                }
                // A non-standard port: try both ways of encrypting it (and plain when asked).
                for (Security sec : Security.values()) {
                    boolean wanted = modes.isEmpty() ? sec != Security.PLAIN || plainWanted : modes.contains(sec);
                    if (wanted) {
                        matrix.add(new PortMatrix.PortMode(spec.protocol(), spec.port(), sec));
                    }
                }
            }
        }
        if (matrix.isEmpty()) {
            throw new UsageException("--port " + ports + " with --security " + securities + " leaves nothing to test"
                    + (modes.contains(Security.PLAIN) ? "" : " (465 takes only tls)"));
        }
        ProbeOptions options = new ProbeOptions(deadline, credentials, allowPlainAuth, sendTo, address != null ? address.toString() : null);
        String account = address != null ? address.toString() : targetHost;
        return new Validated(new ProbeRequest(account, matrix, options, plainWanted), candidates, notes, trust, new AddressResolver(mappings));
    }

    /** {@code --dns SERVER[:PORT]}: an IP address (IPv6 in brackets when a port follows), port 53 by default. */
    static InetSocketAddress parseDns(String value) {
        String v = value.strip();
        String host = v;
        int port = 53;
        if (v.startsWith("[")) {
            int close = v.indexOf(']');
            if (close < 0) {
                throw new UsageException("--dns '" + value + "' is not SERVER[:PORT]");
            }
            host = v.substring(1, close);
            if (v.length() > close + 1) {
                if (v.charAt(close + 1) != ':') {
                    throw new UsageException("--dns '" + value + "' is not SERVER[:PORT]");
                }
                port = portOf(value, v.substring(close + 2));
            }
        } else if (v.indexOf(':') >= 0 && v.indexOf(':') == v.lastIndexOf(':')) {
            host = v.substring(0, v.indexOf(':'));
            port = portOf(value, v.substring(v.indexOf(':') + 1));
        }
        // An IPv6 literal has a ':'; without one, "cafe" or "1" would be looked up or read as 0.0.0.1.
        if (!host.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !(host.matches("[0-9A-Fa-f:]+") && host.contains(":"))) {
            throw new UsageException("--dns '" + value + "': the server must be an IP address (e.g. 127.0.0.1:5353 or [::1]:53)");
        }
        try {
            HostNames.toAscii(host); // 999.1.1.1 is no IPv4 address; Java would look it up as a name
            return new InetSocketAddress(java.net.InetAddress.getByName(host), port);
        } catch (java.net.UnknownHostException | IllegalArgumentException e) {
            throw new UsageException("--dns '" + value + "': '" + host + "' is not an IP address");
        }
    }

    private static int portOf(String option, String text) {
        try {
            return dev.mailwizard.model.Ports.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--dns '" + option + "': " + e.getMessage());
        }
    }

    /** {@code --ispdb URL}: an http(s) URL with a host. */
    static URI parseIspdb(String value) {
        try {
            URI uri = new URI(value.strip());
            if (uri.getHost() == null || !(uri.getScheme().equalsIgnoreCase("https") || uri.getScheme().equalsIgnoreCase("http"))) {
                throw new URISyntaxException(value, "not an http(s) URL with a host");
            }
            return uri;
        } catch (URISyntaxException | NullPointerException e) {
            throw new UsageException("--ispdb '" + value + "' is not an http(s) URL (e.g. https://autoconfig.thunderbird.net/v1.1/)");
        }
    }

    private char[] readPassword() {
        return StdinSecret.read(stdin, "--password-stdin");
    }

    static Duration parseTimeout(String value) {
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--timeout '" + value + "' is not a number of seconds (e.g. 10 or 2.5)");
        }
        if (seconds.signum() <= 0 || seconds.compareTo(MAX_TIMEOUT) > 0) {
            throw new UsageException("--timeout '" + value + "' must be more than 0 and at most " + MAX_TIMEOUT + " seconds");
        }
        long millis = seconds.movePointRight(3).longValue();
        if (millis < 100) {
            throw new UsageException("--timeout '" + value + "' is too short: use at least 0.1 seconds");
        }
        return Duration.ofMillis(millis);
    }
}
