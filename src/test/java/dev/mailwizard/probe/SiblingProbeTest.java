package dev.mailwizard.probe;

import static dev.mailwizard.probe.ProbeHarness.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.Outcome;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;
import dev.mailwizard.model.ServerCandidate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A port tried both ways (implicit TLS and a plain greeting first, as 2525 and any non-standard
 * port are): once one way has shown what the port speaks, the other ends at once as SKIPPED with
 * the reason, instead of waiting for its deadline (the timeout here is long enough that a probe
 * left to wait would fail the run by its length, not by a clock in the test).
 */
class SiblingProbeTest {
    private static final Duration LONG = Duration.ofSeconds(60);

    @Test
    void aStarttlsProbeOfAnImplicitTlsPortEndsWhenTheHandshakeCompletes() {
        try (var server = ScriptedSmtpServer.start(goodImplicitTls().build())) {
            ProbeReport report = job(server, ProbeListener.NONE);

            ProbeResult tls = result(report, Security.TLS);
            ProbeResult starttls = result(report, Security.STARTTLS);
            assertThat(tls.outcome()).isEqualTo(Outcome.OK);
            assertThat(tls.login().result()).isEqualTo(LoginStatus.OK);
            assertThat(starttls.outcome()).isEqualTo(Outcome.SKIPPED);
            assertThat(starttls.detail()).startsWith("this port speaks implicit TLS");
            // The STARTTLS probe connected, waited for a greeting and sent nothing: every line came over TLS.
            assertThat(server.connections()).isGreaterThanOrEqualTo(2);
            assertThat(server.receivedInClear()).isEmpty();
            assertThat(server.authAttempts()).isEqualTo(1);
            assertThat(report.recommended().port()).isEqualTo(server.port());
            assertThat(report.recommended().security()).isEqualTo(Security.TLS);
            assertThat(report.verdict()).isEqualTo(RunVerdict.WORKING);
            assertThat(report.hints()).isEmpty();
        }
    }

    @Test
    void anImplicitTlsProbeOfAPlainPortEndsWhenThePlainGreetingArrives() {
        try (var server = ScriptedSmtpServer.start(goodStarttls().build())) {
            // Hold the SSL/TLS probe just before its handshake until the STARTTLS probe has read the greeting:
            // the order a slow network can give, made certain.
            CountDownLatch greeted = new CountDownLatch(1);
            ProbeListener order = new ProbeListener() {
                @Override
                public void phase(Endpoint endpoint, Phase phase) {
                    if (endpoint.security() == Security.STARTTLS && phase == Phase.EHLO) {
                        greeted.countDown();
                    }
                    if (endpoint.security() == Security.TLS && phase == Phase.TLS) {
                        awaitQuietly(greeted);
                    }
                }
            };
            ProbeReport report = job(server, order);

            ProbeResult tls = result(report, Security.TLS);
            ProbeResult starttls = result(report, Security.STARTTLS);
            assertThat(tls.outcome()).isEqualTo(Outcome.SKIPPED);
            assertThat(tls.detail()).startsWith("this port speaks plain SMTP first (STARTTLS)");
            assertThat(starttls.outcome()).isEqualTo(Outcome.OK);
            // No TLS hello reached the plain server: what it received in clear is the STARTTLS dialogue (diagnosis and login) only.
            assertThat(server.receivedInClear()).allMatch(l -> l.startsWith("EHLO ") || l.equals("STARTTLS"));
            assertThat(server.receivedInClear()).contains("STARTTLS");
            assertThat(server.authAttempts()).isEqualTo(1);
            assertThat(report.recommended().security()).isEqualTo(Security.STARTTLS);
            assertThat(report.verdict()).isEqualTo(RunVerdict.WORKING);
            assertThat(report.hints()).isEmpty();
        }
    }

    @Test
    void aProbeOfAPortThatHasAlreadyShownItsSpeechDoesNotConnect() {
        PortSpeech ports = new PortSpeech();
        Endpoint tls = Endpoint.smtp(HOST, 2525, Security.TLS);
        Endpoint starttls = Endpoint.smtp(HOST, 2525, Security.STARTTLS);
        Endpoint plain = Endpoint.smtp(HOST, 2525, Security.PLAIN);
        List<String> ended = new java.util.ArrayList<>();
        assertThat(ports.join(tls, ended::add)).isNull();
        ports.proven(starttls, PortSpeech.Speech.PLAIN_FIRST);
        assertThat(ended).hasSize(1);
        assertThat(ended.get(0)).startsWith("this port speaks plain SMTP first (STARTTLS)");
        assertThat(ports.join(plain, ended::add)).as("plain speaks the same way: it runs").isNull();
        assertThat(ports.join(Endpoint.smtp(HOST, 2525, Security.TLS), ended::add)).startsWith("this port speaks plain SMTP first");
        assertThat(ports.join(Endpoint.smtp(HOST, 2526, Security.TLS), ended::add)).as("another port").isNull();
        ports.proven(tls, PortSpeech.Speech.IMPLICIT_TLS);
        assertThat(ended).as("the first proof stands").hasSize(1);
    }

    private static ProbeReport job(ScriptedSmtpServer server, ProbeListener listener) {
        List<PortMatrix.PortMode> modes = PortMatrix.select(List.of(server.port()), java.util.Set.of(), false);
        assertThat(modes).extracting(PortMatrix.PortMode::security).containsExactly(Security.TLS, Security.STARTTLS);
        List<ServerCandidate> candidates = List.of(new ServerCandidate(Protocol.SMTP, HOST, null, null, CandidateSource.USER, true, "test"));
        ProbeRequest request = new ProbeRequest(USER, modes, options(LONG, PASSWORD), false);
        return ProbeJob.of(request, candidates, trust(), loopback(), listener).withControlPort(ControlPort.tcp(1)).run();
    }

    private static ProbeResult result(ProbeReport report, Security security) {
        return report.probes().stream().filter(p -> p.endpoint().security() == security).findFirst().orElseThrow();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(LONG.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
