package dev.mailwizard.bench;

import dev.mailwizard.demo.DemoPki;
import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.demo.ServerBehaviour;
import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.Credentials;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.HostMapping;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;
import dev.mailwizard.model.ServerCandidate;
import dev.mailwizard.probe.AddressResolver;
import dev.mailwizard.probe.PlannedProbe;
import dev.mailwizard.probe.PortMatrix;
import dev.mailwizard.probe.ProbeJob;
import dev.mailwizard.probe.ProbeListener;
import dev.mailwizard.probe.ProbeOptions;
import dev.mailwizard.probe.ProbeReport;
import dev.mailwizard.probe.ProbeRequest;
import dev.mailwizard.probe.ProbeRun;
import dev.mailwizard.probe.TrustMaterial;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The engine's three speed claims (issue 7), each a ratio against a baseline measured in the same
 * run, printed as BENCH lines and appended to target/bench-results.md (docs/performance.md):
 * <ol>
 *   <li>a 7-endpoint matrix (3 tarpits, 2 closed, 2 good) ends within the probe deadline plus a
 *       small constant: wall / --timeout;</li>
 *   <li>with 25 ms added each way (LatencyProxy), the 5-probe default matrix with a login gives its
 *       recommendation about as fast as the good endpoint probed alone: wall / alone (target &lt;= 1.2);</li>
 *   <li>20 endpoints (4 hosts x 5) tested together / the same checked one after another (target &lt;= 0.2);</li>
 *   <li>(2b, issue 16) both modes on every port against the good endpoint alone, 25 ms each way: time to
 *       the recommendation and whole-run wall (target &lt;= 1.2 each).</li>
 * </ol>
 */
@Tag("bench")
class EngineBench {
    private static final String USER = "bench@bench.test";
    private static final char[] PASSWORD = "bench-pw".toCharArray();
    private static final int ROUNDS = 5;
    private static final long LATENCY_MS = 25;

    private final DemoPki pki = DemoPki.newAuthority("Engine Bench CA");
    private final TrustMaterial trust = TrustMaterial.only(List.of(pki.caCertificate()));
    private final List<AutoCloseable> open = new ArrayList<>();

    @Test
    void engine() throws Exception {
        try {
            deadlineBound();
            recommendationWithLatency();
            parallelOverSequential();
            bothModesOnEveryPort();
        } finally {
            for (AutoCloseable c : open) {
                c.close();
            }
        }
    }

    /** 1. Tarpits end by their deadline; the run ends by the slowest deadline plus the start stagger. */
    private void deadlineBound() throws Exception {
        String host = "matrix.bench.test";
        var cert = pki.issue(host);
        List<PlannedProbe> plan = new ArrayList<>();
        plan.add(probe(host, server(ServerBehaviour.builder().implicitTls(cert.serverContext())), Security.TLS));
        plan.add(probe(host, server(ServerBehaviour.builder().starttls(cert.serverContext())), Security.STARTTLS));
        for (int i = 0; i < 3; i++) {
            plan.add(probe(host, server(ServerBehaviour.builder().silent()), i == 0 ? Security.TLS : Security.STARTTLS));
        }
        plan.add(new PlannedProbe(Endpoint.smtp(host, closedPort(), Security.STARTTLS), true));
        plan.add(new PlannedProbe(Endpoint.smtp(host, closedPort(), Security.TLS), true));
        AddressResolver resolver = resolver(host);
        for (Duration timeout : List.of(Duration.ofSeconds(2), Duration.ofSeconds(5))) {
            ProbeOptions options = new ProbeOptions(timeout, null, false, null, null);
            run(plan, options, resolver); // warm-up
            double wall = median(() -> run(plan, options, resolver), 3);
            BenchResults.line(String.format(java.util.Locale.ROOT,
                    "1. 7 endpoints (3 tarpits, 2 closed, 2 good), --timeout %d s | %.0f ms | %.3f x the timeout (+%.0f ms) | <= deadline + small constant",
                    timeout.toSeconds(), wall, wall / timeout.toMillis(), wall - timeout.toMillis()));
        }
    }

    /** 2. Time to the recommendation against the good endpoint alone, 25 ms each way. */
    private void recommendationWithLatency() throws Exception {
        String host = "smtp.bench.test";
        var cert = pki.issue(host);
        var b = ServerBehaviour.builder().user(USER, new String(PASSWORD));
        int tls = proxied(server(b.implicitTls(cert.serverContext())).port());
        int starttls = proxied(server(ServerBehaviour.builder().user(USER, new String(PASSWORD)).starttls(cert.serverContext())).port());
        int noAuth = proxied(server(ServerBehaviour.builder().starttls(cert.serverContext())).port());
        int closed1 = proxied(closedPort());
        int closed2 = proxied(closedPort());
        // The default matrix's roles on loopback ports: 465 TLS, 587 STARTTLS, 25 STARTTLS (no AUTH), 2525 closed twice.
        List<PortMatrix.PortMode> modes = List.of(new PortMatrix.PortMode(Protocol.SMTP, tls, Security.TLS),
                new PortMatrix.PortMode(Protocol.SMTP, starttls, Security.STARTTLS), new PortMatrix.PortMode(Protocol.SMTP, noAuth, Security.STARTTLS),
                new PortMatrix.PortMode(Protocol.SMTP, closed1, Security.STARTTLS), new PortMatrix.PortMode(Protocol.SMTP, closed2, Security.TLS));
        AddressResolver resolver = resolver(host);
        ProbeOptions options = new ProbeOptions(Duration.ofSeconds(10), new Credentials(USER, PASSWORD), false, null, USER);
        LongSupplier matrix = () -> job(host, modes, options, resolver);
        LongSupplier alone = () -> job(host, modes.subList(0, 1), options, resolver);
        matrix.getAsLong();
        alone.getAsLong();
        double a = median(alone, ROUNDS);
        double m = median(matrix, ROUNDS);
        BenchResults.line(String.format(java.util.Locale.ROOT,
                "2. recommendation, 5-probe matrix + login, 25 ms each way | %.0f ms vs %.0f ms alone | %.2f x the good endpoint alone | <= 1.2",
                m, a, m / a));
    }

    /** 3. 20 endpoints on 4 hosts at once against one after another, 25 ms each way. */
    private void parallelOverSequential() throws Exception {
        List<PlannedProbe> plan = new ArrayList<>();
        List<HostMapping> mappings = new ArrayList<>();
        for (int h = 0; h < 4; h++) {
            String host = "mx" + h + ".bench.test";
            var cert = pki.issue(host);
            mappings.add(new HostMapping(host, InetAddress.getLoopbackAddress()));
            for (int p = 0; p < 5; p++) {
                boolean implicit = p % 2 == 0;
                var behaviour = implicit ? ServerBehaviour.builder().implicitTls(cert.serverContext())
                        : ServerBehaviour.builder().starttls(cert.serverContext());
                plan.add(new PlannedProbe(Endpoint.smtp(host, proxied(server(behaviour).port()), implicit ? Security.TLS : Security.STARTTLS), true));
            }
        }
        AddressResolver resolver = new AddressResolver(mappings);
        ProbeOptions options = new ProbeOptions(Duration.ofSeconds(10), null, false, null, null);
        run(plan, options, resolver);
        double together = median(() -> run(plan, options, resolver), ROUNDS);
        double oneByOne = median(() -> {
            long sum = 0;
            for (PlannedProbe p : plan) {
                sum += run(List.of(p), options, resolver);
            }
            return sum;
        }, 3);
        BenchResults.line(String.format(java.util.Locale.ROOT,
                "3. 20 endpoints (4 hosts x 5), 25 ms each way | %.0f ms together vs %.0f ms one after another | %.3f | <= 0.2",
                together, oneByOne, together / oneByOne));
    }

    /**
     * 2b (issue 16). Every port tried both ways, as 2525 and any non-standard port are: the good
     * implicit-TLS port, a second implicit-TLS server and a STARTTLS server, each probed with SSL/TLS
     * and STARTTLS (6 probes, 25 ms each way, a login, --timeout 5 s), against the good endpoint
     * alone. Before, each STARTTLS probe of an implicit-TLS port waited the whole timeout for a greeting.
     */
    private void bothModesOnEveryPort() throws Exception {
        String host = "both.bench.test";
        var cert = pki.issue(host);
        int good = proxied(server(ServerBehaviour.builder().user(USER, new String(PASSWORD)).implicitTls(cert.serverContext())).port());
        int otherTls = proxied(server(ServerBehaviour.builder().implicitTls(cert.serverContext())).port());
        int starttls = proxied(server(ServerBehaviour.builder().user(USER, new String(PASSWORD)).starttls(cert.serverContext())).port());
        List<PortMatrix.PortMode> both = PortMatrix.select(List.of(good, otherTls, starttls), java.util.Set.of(), false);
        AddressResolver resolver = resolver(host);
        ProbeOptions options = new ProbeOptions(Duration.ofSeconds(5), new Credentials(USER, PASSWORD), false, null, USER);
        List<PlannedProbe> plan = both.stream().map(m -> new PlannedProbe(Endpoint.smtp(host, m.port(), m.security()), true)).toList();
        List<PlannedProbe> alonePlan = plan.subList(0, 1);
        LongSupplier toRecommendation = () -> job(host, both, options, resolver);
        LongSupplier aloneRecommendation = () -> job(host, both.subList(0, 1), options, resolver);
        toRecommendation.getAsLong();
        aloneRecommendation.getAsLong();
        double a = median(aloneRecommendation, ROUNDS);
        double m = median(toRecommendation, ROUNDS);
        double aWall = median(() -> run(alonePlan, options, resolver), ROUNDS);
        double mWall = median(() -> run(plan, options, resolver), ROUNDS);
        BenchResults.line(String.format(java.util.Locale.ROOT,
                "2b. recommendation, both modes on 3 ports (2 implicit TLS, 1 STARTTLS; 6 probes) + login, 25 ms each way, --timeout 5 s"
                        + " | %.0f ms vs %.0f ms alone | %.2f x the good endpoint alone | <= 1.2", m, a, m / a));
        BenchResults.line(String.format(java.util.Locale.ROOT,
                "2b. whole-run wall, the same 6 probes vs the good endpoint alone | %.0f ms vs %.0f ms alone | %.2f x | <= 1.2",
                mWall, aWall, mWall / aWall));
    }

    private long job(String host, List<PortMatrix.PortMode> modes, ProbeOptions options, AddressResolver resolver) {
        List<ServerCandidate> candidates = List.of(new ServerCandidate(Protocol.SMTP, host, null, null, CandidateSource.USER, true, "bench"));
        ProbeRequest request = new ProbeRequest(USER, modes, options, false);
        long t0 = System.nanoTime();
        ProbeReport report = ProbeJob.of(request, candidates, trust, resolver, ProbeListener.NONE).run();
        long ms = (System.nanoTime() - t0) / 1_000_000L;
        if (report.recommended() == null || report.recommended().port() != modes.get(0).port()) {
            throw new IllegalStateException("bench set-up broken: recommended " + report.recommended());
        }
        return ms;
    }

    private ScriptedSmtpServer server(ServerBehaviour.Builder b) {
        ScriptedSmtpServer s = ScriptedSmtpServer.start(b.build());
        open.add(s);
        return s;
    }

    private int proxied(int port) throws IOException {
        LatencyProxy p = new LatencyProxy(port, LATENCY_MS);
        open.add(p);
        return p.port();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static PlannedProbe probe(String host, ScriptedSmtpServer s, Security security) {
        return new PlannedProbe(Endpoint.smtp(host, s.port(), security), true);
    }

    private static AddressResolver resolver(String host) {
        return new AddressResolver(List.of(new HostMapping(host, InetAddress.getLoopbackAddress())));
    }

    private long run(List<PlannedProbe> plan, ProbeOptions options, AddressResolver resolver) {
        long t0 = System.nanoTime();
        new ProbeRun(plan, options, trust, resolver, ProbeListener.NONE).execute();
        return (System.nanoTime() - t0) / 1_000_000L;
    }

    static double median(LongSupplier run, int rounds) {
        long[] samples = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            samples[i] = run.getAsLong();
        }
        Arrays.sort(samples);
        return samples[rounds / 2];
    }
}
