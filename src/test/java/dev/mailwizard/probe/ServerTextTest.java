package dev.mailwizard.probe;

import dev.mailwizard.model.Outcome;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.demo.HostileCertificates;
import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.Security;
import dev.mailwizard.model.UnsafeText;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a server says reaches the result decoded as UTF-8 and with every control and bidi
 * character made visible, whichever field carries it.
 */
class ServerTextTest {
    /** The greeting of issue 12: clear the screen, retitle the terminal, and show "exe.png" backwards. */
    static final String HOSTILE_GREETING = "220 mail.example.test \u001b[2J \u001b]0;owned\u0007 \u202egnp.exe";

    @Test
    void aHostileGreetingIsEscapedInTheBannerAndTheTranscript() {
        try (var server = ScriptedSmtpServer.start(ProbeHarness.goodImplicitTls().greeting(HOSTILE_GREETING).build())) {
            ProbeResult r = ProbeHarness.probe(server, Security.TLS, null);
            assertThat(r.outcome()).isEqualTo(Outcome.OK);
            assertThat(r.banner()).isEqualTo("220 mail.example.test \\x1b[2J \\x1b]0;owned\\x07 \\u202egnp.exe");
            assertThat(r.transcript()).contains("S: 220 mail.example.test \\x1b[2J \\x1b]0;owned\\x07 \\u202egnp.exe");
            assertThat(everyText(r)).allSatisfy(t -> assertThat(UnsafeText.inValue(t)).as(t).isEmpty());
        }
    }

    @Test
    void aGreetingInUtf8IsReadAsUtf8() {
        try (var server = ScriptedSmtpServer.start(ProbeHarness.goodImplicitTls().greeting("220 mail.example.test ESMTP café 日本").build())) {
            ProbeResult r = ProbeHarness.probe(server, Security.TLS, null);
            assertThat(r.banner()).isEqualTo("220 mail.example.test ESMTP café 日本");
        }
    }

    @Test
    void bytesThatAreNotUtf8BecomeReplacementCharacters() throws Exception {
        byte[] greeting = {'5', '5', '4', ' ', 'b', 'a', 'd', ' ', (byte) 0xff, (byte) 0xc3, ' ', 'c', 'a', 'f', (byte) 0xc3, (byte) 0xa9, '\r', '\n'};
        try (var server = new RawGreetingServer(greeting)) {
            Endpoint e = Endpoint.smtp(ProbeHarness.HOST, server.port(), Security.STARTTLS);
            ProbeResult r = new ProbeRun(List.of(new PlannedProbe(e, true)), ProbeHarness.options(java.time.Duration.ofSeconds(5), null),
                    ProbeHarness.trust(), ProbeHarness.loopback(), ProbeListener.NONE).execute().get(0);
            assertThat(r.outcome()).isEqualTo(Outcome.PROTOCOL_ERROR);
            assertThat(r.banner()).isEqualTo("554 bad \ufffd\ufffd café");
            assertThat(r.detail()).contains("554 bad \ufffd\ufffd café");
        }
    }

    @Test
    void aCertificateSubjectWithABidiOverrideIsShownEscaped() {
        var cert = HostileCertificates.selfSigned("mail.example.test \u202egnp.exe \u001b[2J", ProbeHarness.HOST);
        CertificateReport report = ProbeHarness.trust().inspect(cert.chain(), ProbeHarness.HOST, Instant.now());
        assertThat(report.subject()).isEqualTo("CN=mail.example.test \\u202egnp.exe \\x1b[2J");
        assertThat(report.issuer()).isEqualTo(report.subject());
        assertThat(report.selfSigned()).isTrue();
    }

    private static List<String> everyText(ProbeResult r) {
        List<String> all = new ArrayList<>(List.of(r.detail(), r.banner()));
        all.addAll(r.capabilitiesAfterTls());
        all.addAll(r.authMechanisms());
        all.addAll(r.warnings());
        all.addAll(r.transcript());
        return all;
    }

    /** Sends one greeting as raw bytes, then waits for the client to leave. */
    private static final class RawGreetingServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());

        RawGreetingServer(byte[] greeting) throws IOException {
            Thread thread = new Thread(() -> {
                try (Socket s = socket.accept(); OutputStream out = s.getOutputStream(); InputStream in = s.getInputStream()) {
                    out.write(greeting);
                    out.flush();
                    in.transferTo(OutputStream.nullOutputStream());
                } catch (IOException ignored) {
                    // the client left
                }
            }, "raw-greeting-server");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
