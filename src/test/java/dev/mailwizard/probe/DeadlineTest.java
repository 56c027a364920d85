package dev.mailwizard.probe;

import dev.mailwizard.model.Outcome;
import static dev.mailwizard.probe.ProbeHarness.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.demo.ServerBehaviour;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.Security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every probe ends by its deadline whatever the server does. These tests assert the outcome and
 * that the run returned at all within a generous bound; they do not time the engine (benchmarks
 * do that).
 */
class DeadlineTest {
    private static final Duration TIMEOUT = Duration.ofMillis(1500);

    private static ProbeResult probeWithTimeout(ServerBehaviour behaviour, Security security) throws Exception {
        try (var server = ScriptedSmtpServer.start(behaviour)) {
            return CompletableFuture.supplyAsync(() -> probe(server, security, options(TIMEOUT, PASSWORD), trust()))
                    .get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void silentServerTimesOut() throws Exception {
        ProbeResult r = probeWithTimeout(ServerBehaviour.builder().silent().build(), Security.STARTTLS);
        assertThat(r.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(r.detail()).contains("greeting").contains("within 1.5 s"); // not "1 s": found by MailReplyFuzzTest
    }

    /**
     * Found by MailReplyFuzzTest: the diagnosis works, then the server never answers QUIT, so the
     * deadline has passed when the login starts; the verdict said "Socket has been closed or broken".
     */
    @Test
    void aLoginOutOfTimeSaysWhichDeadlinePassed() {
        var greeting = "220 mail.demo.test ESMTP\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        var ehlo = "250-mail.demo.test\r\n250 AUTH PLAIN\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (ReplayServer server = new ReplayServer()) {
            server.play(new ServerScript(dev.mailwizard.model.Protocol.SMTP, Security.TLS, ServerScript.Tls.VERIFIED, true, List.of(greeting, ehlo)));
            Endpoint e = Endpoint.smtp(HOST, server.port(), Security.TLS);
            ProbeResult r = new ProbeRun(List.of(new PlannedProbe(e, true)), options(Duration.ofSeconds(3), PASSWORD), trust(), loopback(),
                    ProbeListener.NONE).execute().get(0);
            assertThat(r.outcome()).isEqualTo(Outcome.TIMEOUT);
            assertThat(r.detail()).isEqualTo("no answer within 3 s (stuck during the login)");
            assertThat(r.credentialsSent()).isFalse();
        }
    }

    @Test
    void drippingServerTimesOutAtTheDeadlineNotPerByte() throws Exception {
        // 200 ms a byte keeps every single read short; only a deadline over the whole probe stops it.
        ProbeResult r = probeWithTimeout(ServerBehaviour.builder().noTls().drip(200).build(), Security.STARTTLS);
        assertThat(r.outcome()).isEqualTo(Outcome.TIMEOUT);
    }

    @Test
    void stalledImplicitTlsHandshakeTimesOut() throws Exception {
        ProbeResult r = probeWithTimeout(goodImplicitTls().stallHandshake().build(), Security.TLS);
        assertThat(r.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(r.detail()).contains("TLS handshake");
    }

    @Test
    void stalledHandshakeAfterStarttlsTimesOut() throws Exception {
        ProbeResult r = probeWithTimeout(goodStarttls().stallHandshake().build(), Security.STARTTLS);
        assertThat(r.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(r.starttlsReply()).startsWith("220");
    }

    @Test
    void cancelEndsEveryProbeAtOnceAsSkipped() throws Exception {
        List<ScriptedSmtpServer> tarpits = new ArrayList<>();
        try {
            List<PlannedProbe> plan = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ScriptedSmtpServer s = ScriptedSmtpServer.start(ServerBehaviour.builder().silent().build());
                tarpits.add(s);
                plan.add(new PlannedProbe(Endpoint.smtp(HOST, s.port(), Security.STARTTLS), true));
            }
            // Cancel once every probe is stuck waiting for a greeting that never comes (an event, not a sleep).
            java.util.Set<Endpoint> waiting = java.util.concurrent.ConcurrentHashMap.newKeySet();
            java.util.concurrent.CountDownLatch allWaiting = new java.util.concurrent.CountDownLatch(1);
            ProbeListener listener = new ProbeListener() {
                @Override
                public void phase(Endpoint endpoint, Phase phase) {
                    if (phase == Phase.GREETING && waiting.add(endpoint) && waiting.size() == plan.size()) {
                        allWaiting.countDown();
                    }
                }
            };
            ProbeRun run = new ProbeRun(plan, options(Duration.ofSeconds(60), null), trust(), loopback(), listener);
            CompletableFuture<List<ProbeResult>> results = CompletableFuture.supplyAsync(run::execute);
            assertThat(allWaiting.await(10, TimeUnit.SECONDS)).as("every probe reached the greeting").isTrue();
            run.cancel();
            List<ProbeResult> done = results.get(5, TimeUnit.SECONDS);
            assertThat(done).hasSize(4).allMatch(r -> r.outcome() == Outcome.SKIPPED);
            assertThat(done.get(0).detail()).contains("cancelled");
        } finally {
            tarpits.forEach(ScriptedSmtpServer::close);
        }
    }
}
