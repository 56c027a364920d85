package dev.mailwizard.probe;

import dev.mailwizard.model.Outcome;
import static dev.mailwizard.probe.ProbeHarness.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.demo.DemoPki;
import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.demo.ServerBehaviour;
import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.DeclinedService;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;
import dev.mailwizard.model.ServerCandidate;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Conclusions drawn across a run's probes, checked against real loopback sockets. */
class RunConclusionsTest {
    /** A loopback port with nothing listening (bound once, then released). */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static ProbeReport run(String account, List<ServerCandidate> candidates, List<Endpoint> endpoints, ControlPort control,
                                   List<DeclinedService> declined) {
        List<PlannedProbe> plan = endpoints.stream().map(e -> new PlannedProbe(e, true)).toList();
        List<PortMatrix.PortMode> modes = endpoints.stream().map(e -> new PortMatrix.PortMode(e.protocol(), e.port(), e.security()))
                .distinct().toList();
        ProbeRequest request = new ProbeRequest(account, modes, options(Duration.ofSeconds(3), null), false);
        return new ProbeJob(request, candidates, plan, trust(), loopback(), ProbeListener.NONE)
                .withControlPort(control).withDeclinedServices(declined).run();
    }

    private static List<ServerCandidate> typed(String host) {
        return List.of(new ServerCandidate(Protocol.SMTP, host, null, null, CandidateSource.USER, true, "typed"));
    }

    /** A stand-in for HTTPS on the same address: counts connections and the bytes it received. */
    private static final class ControlListener implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        final List<Integer> bytesPerConnection = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final CompletableFuture<Void> loop = CompletableFuture.runAsync(this::accept);

        ControlListener() throws IOException {
        }

        private void accept() {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept(); InputStream in = s.getInputStream()) {
                    s.setSoTimeout(2000);
                    int n = 0;
                    try {
                        while (in.read() >= 0) {
                            n++;
                        }
                    } catch (IOException timeout) {
                        // the client never closed: count what came
                    }
                    bytesPerConnection.add(n);
                } catch (IOException closed) {
                    return;
                }
            }
        }

        ControlPort port() {
            return ControlPort.tcp(socket.getLocalPort());
        }

        @Override
        public void close() throws IOException {
            socket.close();
            loop.join(); // the accept loop ends once the socket is closed (reads give up after 2 s)
        }
    }

    @Test
    void everyMailPortRefusedWhileHttpsAnswersMeansTheNetworkBlocksMailPorts() throws Exception {
        try (ControlListener https = new ControlListener()) {
            List<Endpoint> endpoints = List.of(Endpoint.smtp(HOST, closedPort(), Security.TLS), Endpoint.smtp(HOST, closedPort(), Security.STARTTLS));
            ProbeReport report = run(USER, typed(HOST), endpoints, https.port(), List.of());
            assertThat(report.probes()).allMatch(p -> p.outcome() == Outcome.REFUSED);
            assertThat(report.hints()).hasSize(1);
            Hint hint = report.hints().get(0);
            assertThat(hint.kind()).isEqualTo(HintKind.MAIL_PORTS_BLOCKED);
            assertThat(hint.text()).contains("your network").contains("blocks outgoing mail ports").contains("try another network");
            assertThat(hint.covers()).containsExactlyElementsOf(endpoints);
            https.close();
            // One control connection, and not one byte sent on it.
            assertThat(https.bytesPerConnection).containsExactly(0);
        }
    }

    @Test
    void everyMailPortRefusedAndHttpsSilentMeansTheServerIsUnreachable() throws Exception {
        List<Endpoint> endpoints = List.of(Endpoint.smtp(HOST, closedPort(), Security.TLS), Endpoint.smtp(HOST, closedPort(), Security.STARTTLS));
        ProbeReport report = run(USER, typed(HOST), endpoints, ControlPort.tcp(closedPort()), List.of());
        assertThat(report.hints()).extracting(Hint::kind).containsExactly(HintKind.SERVER_UNREACHABLE);
        assertThat(report.hints().get(0).text()).contains("unreachable").doesNotContain("your network");
    }

    @Test
    void oneRefusedPortIsNeverEnoughToBlameTheNetwork() throws Exception {
        try (ControlListener https = new ControlListener()) {
            ProbeReport report = run(USER, typed(HOST), List.of(Endpoint.smtp(HOST, closedPort(), Security.TLS)), https.port(), List.of());
            assertThat(report.hints()).isEmpty();
            https.close();
            assertThat(https.bytesPerConnection).as("no control connection for one port").isEmpty();
        }
    }

    @Test
    void aPortThatAcceptedTheConnectionIsNotCalledBlocked() throws Exception {
        try (ControlListener https = new ControlListener();
             var server = ScriptedSmtpServer.start(ServerBehaviour.builder().noTls().greeting("SSH-2.0-OpenSSH_9.2").build())) {
            List<Endpoint> endpoints = List.of(Endpoint.smtp(HOST, closedPort(), Security.TLS), Endpoint.smtp(HOST, server.port(), Security.STARTTLS));
            ProbeReport report = run(USER, typed(HOST), endpoints, https.port(), List.of());
            assertThat(report.hints()).extracting(Hint::kind).doesNotContain(HintKind.MAIL_PORTS_BLOCKED, HintKind.SERVER_UNREACHABLE);
        }
    }

    @Test
    void noGuessedNameExistingIsOneConclusion() throws Exception {
        List<ServerCandidate> guesses = new ArrayList<>();
        List<Endpoint> endpoints = new ArrayList<>();
        for (String host : List.of("smtp.nowhere.invalid", "mail.nowhere.invalid", "nowhere.invalid")) {
            guesses.add(new ServerCandidate(Protocol.SMTP, host, null, null, CandidateSource.GUESS, true, "guessed"));
            for (int port : List.of(465, 587)) {
                endpoints.add(Endpoint.smtp(host, port, port == 465 ? Security.TLS : Security.STARTTLS));
            }
        }
        ProbeReport report = run("bob@nowhere.invalid", guesses, endpoints, ControlPort.tcp(closedPort()), List.of());
        assertThat(report.probes()).allMatch(p -> p.outcome() == Outcome.UNRESOLVED);
        assertThat(report.hints()).extracting(Hint::kind).containsExactly(HintKind.NAME_NOT_FOUND);
        assertThat(report.hints().get(0).text())
                .contains("None of the 3 names MailWizard guessed for nowhere.invalid exists")
                .contains("check the domain");
        assertThat(report.hints().get(0).covers()).hasSize(6);
    }

    @Test
    void theSameCertificateProblemOnEveryPortIsOneConclusion() {
        DemoPki.Issued self = DemoPki.selfSigned(HOST);
        try (var tls = ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(self.serverContext()).build());
             var starttls = ScriptedSmtpServer.start(ServerBehaviour.builder().starttls(self.serverContext()).build())) {
            List<Endpoint> endpoints = List.of(Endpoint.smtp(HOST, tls.port(), Security.TLS), Endpoint.smtp(HOST, starttls.port(), Security.STARTTLS));
            ProbeReport report = run(USER, typed(HOST), endpoints, ControlPort.tcp(1), List.of());
            assertThat(report.probes()).allMatch(p -> p.outcome() == Outcome.CERT_UNTRUSTED);
            assertThat(report.hints()).extracting(Hint::kind).containsExactly(HintKind.CERTIFICATE_PROBLEM);
            assertThat(report.hints().get(0).text()).contains("Every port of " + HOST).contains("same certificate").contains("self-signed");
        }
    }

    @Test
    void anSrvDotIsSaidOnce() throws Exception {
        List<DeclinedService> declined = List.of(new DeclinedService(Protocol.SMTP, Security.TLS, "_submissions._tcp.demo.test"));
        ProbeReport report = run(USER, typed(HOST), List.of(Endpoint.smtp(HOST, closedPort(), Security.TLS)), ControlPort.tcp(1), declined);
        assertThat(report.hints()).extracting(Hint::kind).containsExactly(HintKind.SERVICE_NOT_OFFERED);
        assertThat(report.hints().get(0).text()).contains("_submissions._tcp.demo.test").contains("does not offer sending mail over implicit TLS");
    }

    @Test
    void anIncomingOnlyRunIsJudgedOnIncomingMail() {
        try (var imap = dev.mailwizard.demo.ScriptedImapServer.start(dev.mailwizard.demo.MailboxBehaviour.implicit(GOOD_CERT.serverContext(), USER, PASSWORD))) {
            Endpoint e = new Endpoint(Protocol.IMAP, HOST, imap.port(), Security.TLS);
            ProbeRequest request = new ProbeRequest(USER, List.of(new PortMatrix.PortMode(Protocol.IMAP, imap.port(), Security.TLS)),
                    options(Duration.ofSeconds(5), PASSWORD), false);
            ProbeReport report = new ProbeJob(request, List.of(), List.of(new PlannedProbe(e, true)), trust(), loopback(), ProbeListener.NONE).run();
            assertThat(report.outgoingAsked()).isFalse();
            assertThat(report.primaryRecommendation().protocol()).isEqualTo(Protocol.IMAP);
            assertThat(report.verdict()).isEqualTo(RunVerdict.WORKING);
        }
    }

    @Test
    void anUnusedControlAddressIsNeverContactedWhenTheRunIsFine() {
        try (var server = ScriptedSmtpServer.start(goodImplicitTls().build())) {
            ProbeReport report = run(USER, typed(HOST), List.of(Endpoint.smtp(HOST, server.port(), Security.TLS)),
                    (address, timeout) -> {
                        throw new AssertionError("no control connection when a port answered");
                    }, List.of());
            assertThat(report.hints()).isEmpty();
        }
    }
}
