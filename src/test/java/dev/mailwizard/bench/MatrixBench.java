package dev.mailwizard.bench;

import dev.mailwizard.demo.DemoPki;
import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.demo.ServerBehaviour;
import dev.mailwizard.model.Credentials;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.HostMapping;
import dev.mailwizard.model.Security;
import dev.mailwizard.probe.AddressResolver;
import dev.mailwizard.probe.PlannedProbe;
import dev.mailwizard.probe.ProbeListener;
import dev.mailwizard.probe.ProbeOptions;
import dev.mailwizard.probe.ProbeRun;
import dev.mailwizard.probe.TrustMaterial;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Wall time of the five-probe default matrix (465 TLS, 587/25/2525 STARTTLS, 2525 TLS; here on
 * loopback ports) against a healthy host and against a host where every port is a tarpit,
 * reported as ratios against baselines measured in the same run: one healthy probe alone, and the
 * per-probe timeout. Run with {@code ./mvnw test -Pbench}; it prints, it does not assert timings.
 */
@Tag("bench")
class MatrixBench {
    private static final String HOST = "bench.mailwizard.test";
    private static final Security[] MODES = {Security.TLS, Security.STARTTLS, Security.STARTTLS, Security.STARTTLS, Security.TLS};
    private static final int ROUNDS = 5;

    @Test
    void matrixWallTime() {
        DemoPki pki = DemoPki.newAuthority("Bench CA");
        var cert = pki.issue(HOST);
        TrustMaterial trust = TrustMaterial.only(List.of(pki.caCertificate()));
        AddressResolver resolver = new AddressResolver(List.of(new HostMapping(HOST, InetAddress.getLoopbackAddress())));
        List<ScriptedSmtpServer> healthy = new ArrayList<>();
        List<ScriptedSmtpServer> tarpits = new ArrayList<>();
        try {
            for (Security mode : MODES) {
                var b = ServerBehaviour.builder().user("u@" + HOST, "pw");
                healthy.add(ScriptedSmtpServer.start((mode == Security.TLS ? b.implicitTls(cert.serverContext()) : b.starttls(cert.serverContext())).build()));
                tarpits.add(ScriptedSmtpServer.start(ServerBehaviour.builder().silent().build()));
            }
            Duration timeout = Duration.ofSeconds(2);
            ProbeOptions noLogin = new ProbeOptions(Duration.ofSeconds(10), null, false, null, null);
            ProbeOptions withLogin = new ProbeOptions(Duration.ofSeconds(10), new Credentials("u@" + HOST, "pw".toCharArray()), false, null, null);
            ProbeOptions tarpitOptions = new ProbeOptions(timeout, null, false, null, null);

            run(plan(healthy.subList(0, 1), 1), noLogin, trust, resolver); // warm-up: class loading, TLS init
            run(plan(healthy, MODES.length), withLogin, trust, resolver);

            double single = median(() -> run(plan(healthy.subList(0, 1), 1), noLogin, trust, resolver));
            double matrix = median(() -> run(plan(healthy, MODES.length), noLogin, trust, resolver));
            double matrixLogin = median(() -> run(plan(healthy, MODES.length), withLogin, trust, resolver));
            double tarpit = median(() -> run(plan(tarpits, MODES.length), tarpitOptions, trust, resolver));
            System.out.printf(Locale.ROOT, "%nBENCH one healthy probe (baseline)        %7.0f ms%n", single);
            System.out.printf(Locale.ROOT, "BENCH healthy matrix, 5 probes, no login  %7.0f ms  = %.2f x one probe%n", matrix, matrix / single);
            System.out.printf(Locale.ROOT, "BENCH healthy matrix, 5 probes + login    %7.0f ms  = %.2f x one probe%n", matrixLogin, matrixLogin / single);
            System.out.printf(Locale.ROOT, "BENCH tarpit matrix, 5 probes, timeout %ds %7.0f ms  = %.3f x the timeout%n%n",
                    timeout.toSeconds(), tarpit, tarpit / timeout.toMillis());
        } finally {
            healthy.forEach(ScriptedSmtpServer::close);
            tarpits.forEach(ScriptedSmtpServer::close);
        }
    }

    private static List<PlannedProbe> plan(List<ScriptedSmtpServer> servers, int n) {
        List<PlannedProbe> plan = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            plan.add(new PlannedProbe(Endpoint.smtp(HOST, servers.get(i).port(), MODES[i]), true));
        }
        return plan;
    }

    private static long run(List<PlannedProbe> plan, ProbeOptions options, TrustMaterial trust, AddressResolver resolver) {
        long t0 = System.nanoTime();
        new ProbeRun(plan, options, trust, resolver, ProbeListener.NONE).execute();
        return (System.nanoTime() - t0) / 1_000_000L;
    }

    private static double median(java.util.function.LongSupplier run) {
        long[] samples = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            samples[i] = run.getAsLong();
        }
        java.util.Arrays.sort(samples);
        return samples[ROUNDS / 2];
    }
}
