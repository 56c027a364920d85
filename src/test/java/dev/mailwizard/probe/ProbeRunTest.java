package dev.mailwizard.probe;

import dev.mailwizard.model.Outcome;
import static dev.mailwizard.probe.ProbeHarness.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.Security;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ProbeRunTest {

    @Test
    void oneServerOnTwoPortsGetsExactlyOneLoginAttempt() {
        // Two listeners sharing one user database: the same account on one server.
        try (var tls = ScriptedSmtpServer.start(goodImplicitTls().build());
             var starttls = ScriptedSmtpServer.start(goodStarttls().build())) {
            List<PlannedProbe> plan = List.of(
                    new PlannedProbe(Endpoint.smtp(HOST, tls.port(), Security.TLS), true),
                    new PlannedProbe(Endpoint.smtp(HOST, starttls.port(), Security.STARTTLS), true));
            List<ProbeResult> results = new ProbeRun(plan, options(Duration.ofSeconds(5), "wrong"), trust(), loopback(), ProbeListener.NONE).execute();
            assertThat(tls.authAttempts() + starttls.authAttempts()).isEqualTo(1);
            assertThat(results).filteredOn(r -> r.outcome() == Outcome.LOGIN_REJECTED).hasSize(1);
            ProbeResult other = results.stream().filter(r -> r.outcome() != Outcome.LOGIN_REJECTED).findFirst().orElseThrow();
            assertThat(other.login().result()).isEqualTo(LoginStatus.NOT_ATTEMPTED);
            assertThat(other.login().detail()).containsAnyOf("checked once", "already rejected");
        }
    }

    @Test
    void theLoginGoesToTheBestRankedPortEvenWhenAnotherIsReadyFirst() {
        // The implicit-TLS server greets slowly (one byte every 10 ms), so STARTTLS is ready first.
        try (var slowTls = ScriptedSmtpServer.start(goodImplicitTls().drip(10).build());
             var fastStarttls = ScriptedSmtpServer.start(goodStarttls().build())) {
            // On non-standard ports implicit TLS still ranks before STARTTLS.
            List<PlannedProbe> real = List.of(
                    new PlannedProbe(Endpoint.smtp(HOST, slowTls.port(), Security.TLS), true),
                    new PlannedProbe(Endpoint.smtp(HOST, fastStarttls.port(), Security.STARTTLS), true));
            List<ProbeResult> results = new ProbeRun(real, options(Duration.ofSeconds(5), PASSWORD), trust(), loopback(), ProbeListener.NONE).execute();
            assertThat(slowTls.authAttempts()).isEqualTo(1);
            assertThat(fastStarttls.authAttempts()).isZero();
            assertThat(results.get(0).login().result()).isEqualTo(LoginStatus.OK);
            assertThat(results.get(1).login().detail()).contains("checked once");
        }
    }

    @Test
    void resultsComeBackInPlanOrderAndListenersHearEveryProbe() {
        try (var a = ScriptedSmtpServer.start(goodImplicitTls().build());
             var b = ScriptedSmtpServer.start(goodStarttls().build())) {
            List<PlannedProbe> plan = List.of(
                    new PlannedProbe(Endpoint.smtp(HOST, b.port(), Security.STARTTLS), true),
                    new PlannedProbe(Endpoint.smtp(HOST, a.port(), Security.TLS), true));
            List<ProbeResult> finished = new CopyOnWriteArrayList<>();
            List<Phase> phases = new CopyOnWriteArrayList<>();
            ProbeListener listener = new ProbeListener() {
                @Override
                public void phase(Endpoint endpoint, Phase phase) {
                    phases.add(phase);
                }

                @Override
                public void finished(ProbeResult result) {
                    finished.add(result);
                }
            };
            List<ProbeResult> results = new ProbeRun(plan, options(Duration.ofSeconds(5), null), trust(), loopback(), listener).execute();
            assertThat(results).extracting(r -> r.endpoint().port()).containsExactly(b.port(), a.port());
            assertThat(finished).hasSize(2);
            assertThat(phases).contains(Phase.CONNECT, Phase.GREETING, Phase.STARTTLS, Phase.TLS, Phase.EHLO_AFTER_TLS);
        }
    }

    @Test
    void hostNotConfirmedByTheUserNeverGetsThePassword() {
        try (var server = ScriptedSmtpServer.start(goodImplicitTls().build())) {
            List<PlannedProbe> plan = List.of(new PlannedProbe(Endpoint.smtp(HOST, server.port(), Security.TLS), false));
            ProbeResult r = new ProbeRun(plan, options(Duration.ofSeconds(5), PASSWORD), trust(), loopback(), ProbeListener.NONE).execute().get(0);
            assertThat(r.outcome()).isEqualTo(Outcome.OK);
            assertThat(r.login().result()).isEqualTo(LoginStatus.NOT_ATTEMPTED);
            assertThat(server.authAttempts()).isZero();
        }
    }

    @Test
    void sendTestDeliversOneMessageOverTheLoginConnection() {
        try (var server = ScriptedSmtpServer.start(goodImplicitTls().build())) {
            ProbeOptions opts = new ProbeOptions(Duration.ofSeconds(5), new dev.mailwizard.model.Credentials(USER, PASSWORD.toCharArray()),
                    false, "bob@demo.test", USER);
            ProbeResult r = probe(server, Security.TLS, opts, trust());
            assertThat(r.testMessage()).isNotNull();
            assertThat(r.testMessage().accepted()).isTrue();
            assertThat(r.testMessage().reply()).startsWith("250");
            assertThat(server.messages()).hasSize(1);
            assertThat(server.messages().get(0)).contains("MailWizard test message");
            assertThat(server.authAttempts()).isEqualTo(1);
        }
    }
}
