package dev.mailwizard.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The diagnosis-only hello on the wire: the canned ClientHello, the parser of the answer, and when the check may start. */
class LegacyTlsWireTest {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor();

    @AfterAll
    static void stopTimer() {
        TIMER.shutdownNow();
    }

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    /** The start of a ServerHello record choosing {@code version}. */
    private static byte[] serverHello(int version) {
        return bytes(22, 3, 1, 0, 0x4a, 2, 0, 0, 0x46, version >> 8, version & 0xff, 0x12, 0x34);
    }

    @Test
    void serverHelloGivesTheVersionTheServerPicked() {
        assertThat(TlsAnswer.parse(serverHello(0x0301))).isEqualTo(new TlsAnswer(TlsAnswer.Kind.SERVER_HELLO, 0x0301, -1));
        assertThat(TlsAnswer.parse(serverHello(0x0302)).version()).isEqualTo(0x0302);
        assertThat(LegacyTlsCheck.judge(TlsAnswer.parse(serverHello(0x0301))).legacyTlsVersion()).isEqualTo("TLSv1");
        assertThat(LegacyTlsCheck.judge(TlsAnswer.parse(serverHello(0x0302))).legacyTlsVersion()).isEqualTo("TLSv1.1");
    }

    @Test
    void sslv3IsOutdatedButNotReportedAsLegacyTls() {
        LegacyTlsCheck.Finding f = LegacyTlsCheck.judge(TlsAnswer.parse(serverHello(0x0300)));
        assertThat(f.outdatedVersion()).isEqualTo("SSL 3.0");
        assertThat(f.legacyTlsVersion()).isNull();
        assertThat(f.words()).contains("only speaks SSL 3.0");
    }

    @Test
    void aTls12AnswerIsNotAnOldServer() {
        LegacyTlsCheck.Finding f = LegacyTlsCheck.judge(TlsAnswer.parse(serverHello(0x0303)));
        assertThat(f.outdatedVersion()).isNull();
        assertThat(f.words()).contains("TLS 1.2").contains("not the reason");
    }

    @Test
    void alertsAreNamedAndADowngradeRefusalMeansANewerServer() {
        assertThat(TlsAnswer.parse(bytes(21, 3, 1, 0, 2, 2, 70))).isEqualTo(new TlsAnswer(TlsAnswer.Kind.ALERT, -1, 70));
        LegacyTlsCheck.Finding refused = LegacyTlsCheck.judge(TlsAnswer.parse(bytes(21, 3, 1, 0, 2, 2, 40)));
        assertThat(refused.outdatedVersion()).isNull();
        assertThat(refused.words()).contains("handshake_failure");
        LegacyTlsCheck.Finding fallback = LegacyTlsCheck.judge(TlsAnswer.parse(bytes(21, 3, 3, 0, 2, 2, 86)));
        assertThat(fallback.outdatedVersion()).isNull();
        assertThat(fallback.words()).contains("newer TLS version");
    }

    @Test
    void garbageShortAndEmptyAnswersAreNeverAVersion() {
        assertThat(TlsAnswer.parse(new byte[0]).kind()).isEqualTo(TlsAnswer.Kind.CLOSED);
        List<byte[]> bad = new ArrayList<>(List.of(
                "220 mail.example.com ESMTP\r\n".getBytes(StandardCharsets.US_ASCII),
                bytes(22, 3),                                  // header cut short
                bytes(22, 3, 1, 0, 0x4a, 2, 0, 0, 0x46, 3),   // ServerHello cut before its version
                bytes(22, 3, 1, 0, 4, 11, 0, 0, 0),           // a handshake, but not a ServerHello
                bytes(22, 3, 1, 0, 0),                         // empty record
                bytes(22, 3, 1, 0xff, 0xff, 2, 0, 0, 0x46, 3, 1), // longer than any record
                bytes(22, 2, 0, 0, 0x4a, 2, 0, 0, 0x46, 3, 1), // not version 3.x
                bytes(21, 3, 1, 0, 1, 2),                      // alert without its description
                bytes(23, 3, 1, 0, 2, 1, 2)));                 // application data
        for (byte[] b : bad) {
            TlsAnswer a = TlsAnswer.parse(b);
            assertThat(a.kind()).as(java.util.HexFormat.of().formatHex(b)).isEqualTo(TlsAnswer.Kind.NOT_TLS);
            assertThat(LegacyTlsCheck.judge(a).outdatedVersion()).isNull();
        }
    }

    @Test
    void readingSurvivesOneByteAtATimeAndStopsAfterAnAlert() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
             Socket server = listener.accept()) {
            OutputStream out = server.getOutputStream();
            for (byte b : serverHello(0x0302)) {
                out.write(b);
                out.flush();
            }
            assertThat(TlsAnswer.read(client, Deadline.in(Duration.ofSeconds(5))).version()).isEqualTo(0x0302);
        }
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
             Socket server = listener.accept()) {
            // An alert, then silence with the connection open: the read must not wait for more.
            server.getOutputStream().write(bytes(21, 3, 1, 0, 2, 2, 70));
            server.getOutputStream().flush();
            assertThat(TlsAnswer.read(client, Deadline.in(Duration.ofSeconds(30))).alert()).isEqualTo(70);
        }
    }

    @Test
    void cannedHelloOffersTls10And11WithTheUsualSuitesAndSni() throws IOException {
        byte[] hello = LegacyClientHello.forHost("mail.example.com");
        assertThat(hello[0]).isEqualTo((byte) 22);
        assertThat(u16(hello, 1)).as("record version").isEqualTo(0x0301);
        assertThat(u16(hello, 3)).isEqualTo(hello.length - 5);
        assertThat(hello[5]).as("client_hello").isEqualTo((byte) 1);
        assertThat(u16(hello, 9)).as("client_version").isEqualTo(0x0302);
        int p = 11 + 32;
        p += 1 + hello[p];
        int suitesLength = u16(hello, p);
        List<Integer> suites = new ArrayList<>();
        for (int i = 0; i < suitesLength; i += 2) {
            suites.add(u16(hello, p + 2 + i));
        }
        assertThat(suites).contains(0x002F, 0xC013, 0xC009, 0xC00A, 0x5600);
        String text = new String(hello, StandardCharsets.ISO_8859_1);
        assertThat(text).contains("mail.example.com");
        assertThat(new String(LegacyClientHello.forHost("192.0.2.7"), StandardCharsets.ISO_8859_1)).doesNotContain("192.0.2.7");
        // No supported_versions extension (43): the hello offers nothing above client_version.
        assertThat(extensionTypes(hello, p + 2 + suitesLength)).containsExactly(0x0000, 0x000A, 0x000B);
    }

    private static List<Integer> extensionTypes(byte[] hello, int afterSuites) {
        int p = afterSuites + 1 + hello[afterSuites];
        int end = p + 2 + u16(hello, p);
        List<Integer> types = new ArrayList<>();
        for (p += 2; p + 4 <= end; p += 4 + u16(hello, p + 2)) {
            types.add(u16(hello, p));
        }
        assertThat(p).isEqualTo(hello.length);
        return types;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    @Test
    void theCheckDoesNotStartAfterTheDeadlineOrACancel() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        Socket s = listener.accept();
                        accepted.incrementAndGet();
                        s.close();
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            t.setDaemon(true);
            t.start();
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());

            Deadline passed = Deadline.in(Duration.ZERO);
            try (SocketGuard guard = new SocketGuard(Deadline.in(Duration.ofSeconds(30)), TIMER)) {
                assertThat(LegacyTlsCheck.run(address, "mail.example.com", null, passed, guard, new Transcript())).isNull();
            }
            Deadline plenty = Deadline.in(Duration.ofSeconds(30));
            try (SocketGuard guard = new SocketGuard(plenty, TIMER)) {
                guard.cancel();
                assertThat(LegacyTlsCheck.run(address, "mail.example.com", null, plenty, guard, new Transcript())).isNull();
            }
            // Control: with time left and no cancel it does connect (and the hang-up is judged).
            try (SocketGuard guard = new SocketGuard(plenty, TIMER)) {
                assertThat(LegacyTlsCheck.run(address, "mail.example.com", null, plenty, guard, new Transcript())).isNotNull();
            }
            listener.close();
            t.join(5000);
            assertThat(accepted.get()).isEqualTo(1);
        }
    }
}
