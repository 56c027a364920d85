package dev.mailwizard.probe;

import dev.mailwizard.model.Outcome;
import static dev.mailwizard.probe.ProbeHarness.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.demo.MailboxBehaviour;
import dev.mailwizard.demo.ScriptedImapServer;
import dev.mailwizard.demo.ScriptedPop3Server;
import dev.mailwizard.demo.ScriptedServer;
import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.demo.ServerBehaviour;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, bug 3: a server that speaks only TLS 1.0/1.1 and ends our TLS 1.2+ handshake is named
 * as such (after one diagnosis-only hello), never called a closed port, and never gets a password.
 */
class OldTlsProbeTest {
    private static final String TLS10_WORDS = "this server only speaks TLS 1.0, which is no longer safe; the provider must update it";
    private static final String TLS11_WORDS = "this server only speaks TLS 1.1, which is no longer safe; the provider must update it";

    private static ServerBehaviour.Builder oldSmtp(ServerBehaviour.Builder b, String version) {
        return b.tlsProtocols(version).hangUpOnNewerTls();
    }

    private static ProbeResult probe(ScriptedServer server, Protocol protocol, Security security, String password) {
        Endpoint e = new Endpoint(protocol, HOST, server.port(), security);
        return new ProbeRun(List.of(new PlannedProbe(e, true)), options(Duration.ofSeconds(5), password), trust(), loopback(), ProbeListener.NONE)
                .execute().get(0);
    }

    private static boolean anyCredentials(ScriptedServer server) {
        return server.received().stream().anyMatch(l -> {
            String u = l.line().toUpperCase(Locale.ROOT);
            return u.startsWith("AUTH") || u.contains(" LOGIN ") || u.contains("AUTHENTICATE") || u.startsWith("PASS") || u.startsWith("USER")
                    || l.line().contains(PASSWORD);
        });
    }

    private static void assertNamedOldTls(ProbeResult r, String version, String words) {
        assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.TLS_HANDSHAKE_FAILED);
        assertThat(r.legacyTlsVersion()).isEqualTo(version);
        assertThat(r.detail()).contains(words);
        assertThat(r.advice()).doesNotContain("closed").contains("TLS 1.2");
        assertThat(r.credentialsSent()).isFalse();
        assertThat(r.login().attempted()).isFalse();
        assertThat(r.tls()).isNull();
    }

    @Test
    void smtpOnImplicitTlsThatSpeaksOnlyTls10IsNamedAndGetsNoPassword() {
        try (var server = ScriptedSmtpServer.start(oldSmtp(goodImplicitTls(), "TLSv1").build())) {
            ProbeResult r = probe(server, Protocol.SMTP, Security.TLS, PASSWORD);
            assertNamedOldTls(r, "TLSv1", TLS10_WORDS);
            assertThat(server.authAttempts()).isZero();
            assertThat(server.received()).isEmpty();
            // Our TLS 1.2+ hello, then exactly one diagnosis hello.
            assertThat(server.connections()).isEqualTo(2);
            assertThat(String.join("\n", r.transcript())).contains("TLS 1.0/1.1").doesNotContain(PASSWORD);
        }
    }

    @Test
    void smtpOnImplicitTlsThatSpeaksOnlyTls11IsNamed() {
        try (var server = ScriptedSmtpServer.start(oldSmtp(goodImplicitTls(), "TLSv1.1").build())) {
            ProbeResult r = probe(server, Protocol.SMTP, Security.TLS, PASSWORD);
            assertNamedOldTls(r, "TLSv1.1", TLS11_WORDS);
            assertThat(server.authAttempts()).isZero();
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void smtpStarttlsThatSpeaksOnlyTls10IsNamedAfterRepeatingTheUpgrade() {
        try (var server = ScriptedSmtpServer.start(oldSmtp(goodStarttls(), "TLSv1").build())) {
            ProbeResult r = probe(server, Protocol.SMTP, Security.STARTTLS, PASSWORD);
            assertNamedOldTls(r, "TLSv1", TLS10_WORDS);
            assertThat(server.authAttempts()).isZero();
            assertThat(anyCredentials(server)).isFalse();
            // The diagnosis connection repeats EHLO and STARTTLS, then only the ClientHello follows.
            assertThat(server.receivedInClear()).filteredOn(l -> l.equals("STARTTLS")).hasSize(2);
            assertThat(server.received()).noneMatch(l -> l.overTls());
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void imapOnImplicitTlsThatSpeaksOnlyTls10IsNamed() {
        try (var server = ScriptedImapServer.start(MailboxBehaviour.implicit(GOOD_CERT.serverContext(), USER, PASSWORD).onlyOldTls("TLSv1"))) {
            ProbeResult r = probe(server, Protocol.IMAP, Security.TLS, PASSWORD);
            assertNamedOldTls(r, "TLSv1", TLS10_WORDS);
            assertThat(server.authAttempts()).isZero();
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void imapStarttlsAndPop3StlsThatSpeakOnlyTls11AreNamed() {
        try (var imap = ScriptedImapServer.start(MailboxBehaviour.starttls(GOOD_CERT.serverContext(), USER, PASSWORD).onlyOldTls("TLSv1.1"));
             var pop = ScriptedPop3Server.start(MailboxBehaviour.starttls(GOOD_CERT.serverContext(), USER, PASSWORD).onlyOldTls("TLSv1.1"))) {
            ProbeResult ri = probe(imap, Protocol.IMAP, Security.STARTTLS, PASSWORD);
            assertNamedOldTls(ri, "TLSv1.1", TLS11_WORDS);
            assertThat(imap.receivedInClear()).filteredOn(l -> l.toUpperCase(Locale.ROOT).endsWith(" STARTTLS")).hasSize(2);
            ProbeResult rp = probe(pop, Protocol.POP3, Security.STARTTLS, PASSWORD);
            assertNamedOldTls(rp, "TLSv1.1", TLS11_WORDS);
            assertThat(pop.receivedInClear()).filteredOn(l -> l.equals("STLS")).hasSize(2);
            assertThat(anyCredentials(imap) || anyCredentials(pop)).isFalse();
        }
    }

    @Test
    void implicitTlsServerThatHangsUpOnEveryConnectionIsNotCalledAClosedPortNorOldTls() throws Exception {
        try (var server = new HangUpServer()) {
            Endpoint e = Endpoint.smtp(HOST, server.port(), Security.TLS);
            ProbeResult r = new ProbeRun(List.of(new PlannedProbe(e, true)), options(Duration.ofSeconds(5), PASSWORD), trust(), loopback(),
                    ProbeListener.NONE).execute().get(0);
            assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.REFUSED);
            assertThat(r.connected()).isTrue();
            assertThat(r.legacyTlsVersion()).isNull();
            assertThat(r.advice()).doesNotContain("closed").contains("accepted the connection");
            assertThat(r.detail()).contains("TLS 1.0/1.1").doesNotContain("only speaks");
            assertThat(server.connections.get()).isEqualTo(2);
        }
    }

    /** Resets every connection as it is accepted; the reset may reach the probe during connect() or during the greeting. */
    @Test
    void serverThatResetsTheConnectionBeforeItsGreetingIsNotCalledAClosedPort() {
        try (var server = ScriptedSmtpServer.start(ServerBehaviour.builder().resetOnConnect().build())) {
            ProbeResult r = probe(server, Protocol.SMTP, Security.STARTTLS, null);
            assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.REFUSED);
            assertThat(r.advice()).doesNotContain("closed").contains("accepted the connection");
            assertThat(r.legacyTlsVersion()).isNull();
        }
    }

    @Test
    void closedPortIsStillCalledClosed() throws Exception {
        int port;
        try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Endpoint e = Endpoint.smtp(HOST, port, Security.TLS);
        ProbeResult r = new ProbeRun(List.of(new PlannedProbe(e, true)), options(Duration.ofSeconds(3), null), trust(), loopback(), ProbeListener.NONE)
                .execute().get(0);
        assertThat(r.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(r.connected()).isFalse();
        assertThat(r.advice()).contains("the port is closed");
    }

    @Test
    void serverThatAnswersBothHellosWithAnAlertIsNotCalledOldTls() {
        try (var server = ScriptedSmtpServer.start(goodImplicitTls().alertOnHello(40).build())) {
            ProbeResult r = probe(server, Protocol.SMTP, Security.TLS, PASSWORD);
            assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.TLS_HANDSHAKE_FAILED);
            assertThat(r.legacyTlsVersion()).isNull();
            assertThat(r.detail()).contains("handshake_failure").contains("TLS 1.0/1.1").doesNotContain("only speaks");
            assertThat(r.advice()).doesNotContain("closed");
            assertThat(server.connections()).isEqualTo(2);
            assertThat(server.authAttempts()).isZero();
        }
    }

    /** First connection: hangs up on the ClientHello; second: reads the hello and never answers. */
    @Test
    void unansweredDiagnosisHelloKeepsTheFirstVerdictWithinTheDeadline() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket first = listener.accept()) {
                    connections.incrementAndGet();
                    first.getInputStream().read(new byte[512]);
                } catch (IOException ignored) {
                    return;
                }
                try (Socket second = listener.accept()) {
                    connections.incrementAndGet();
                    InputStream in = second.getInputStream();
                    while (in.read(new byte[512]) >= 0) {
                        // a tarpit: read the hello, say nothing
                    }
                } catch (IOException ignored) {
                    // the probe hung up
                }
            });
            t.setDaemon(true);
            t.start();
            Endpoint e = Endpoint.smtp(HOST, listener.getLocalPort(), Security.TLS);
            ProbeResult r = new ProbeRun(List.of(new PlannedProbe(e, true)), options(Duration.ofSeconds(2), PASSWORD), trust(), loopback(),
                    ProbeListener.NONE).execute().get(0);
            // Not TIMEOUT: the diagnosis gets only part of the time left, so the first verdict still arrives in time.
            assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.REFUSED);
            assertThat(r.detail()).contains("no answer");
            assertThat(r.legacyTlsVersion()).isNull();
            assertThat(connections.get()).isEqualTo(2);
        }
    }

    /** Accepts every connection and closes it at once, without a word (and without TLS). */
    private static final class HangUpServer implements AutoCloseable {
        final AtomicInteger connections = new AtomicInteger();
        private final ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());

        HangUpServer() throws IOException {
            Thread t = new Thread(() -> {
                while (true) {
                    try (Socket s = listener.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }
}
