package dev.mailwizard.probe;

import dev.mailwizard.model.Outcome;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.Security;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SMTP, IMAP and POP3 reply readers, fed through a real probe (with a password) by a loopback
 * server that plays fuzzer-chosen bytes ({@link ServerScript}). Whatever the server says:
 * the probe ends with a contract outcome within its deadline (plus a little grace), no exception
 * reaches the result, and the password goes nowhere but inside verified TLS.
 * Inputs: src/test/resources/dev/mailwizard/probe/MailReplyFuzzTestInputs/replies/.
 */
class MailReplyFuzzTest {
    private static final Duration TIMEOUT = Duration.ofMillis(400);
    /** Wall-clock allowance over the deadline: ProbeRun's own backstop is 300 ms, the rest is scheduling. */
    private static final Duration GRACE = Duration.ofSeconds(1);
    private static final ReplayServer SERVER = new ReplayServer();
    private static final TrustMaterial TRUST = ProbeHarness.trust();
    private static final AddressResolver RESOLVER = ProbeHarness.loopback();
    private static final String PASSWORD = ProbeHarness.PASSWORD;
    private static final List<String> SECRETS = List.of(PASSWORD,
            base64(PASSWORD), base64("\0" + ProbeHarness.USER + "\0" + PASSWORD), base64(ProbeHarness.USER + "\0" + ProbeHarness.USER + "\0" + PASSWORD));
    private static final Set<String> CREDENTIAL_COMMANDS = Set.of("AUTH", "AUTHENTICATE", "LOGIN", "PASS", "USER", "APOP");

    static {
        // The first probes load (and under Jazzer instrument) the probe and Jakarta Mail classes:
        // let that happen before anything is timed, with three checked-in logins over verified TLS.
        allowLoopbackOnly();
        for (String seed : List.of("smtp-starttls-verified", "imap-starttls-verified", "pop3-stls-verified")) {
            try (var in = MailReplyFuzzTest.class.getResourceAsStream("MailReplyFuzzTestInputs/replies/" + seed)) {
                runProbe(ServerScript.decode(in.readAllBytes()));
            } catch (java.io.IOException | NullPointerException e) {
                throw new IllegalStateException("warm-up input " + seed + " is missing", e);
            }
        }
    }

    @FuzzTest(maxDuration = "10s")
    @Timeout(20)
    void replies(byte[] data) {
        allowLoopbackOnly();
        check(ServerScript.decode(data));
    }

    /** Jazzer reports every network connection unless the fuzz test allows it; ours stay on loopback. */
    private static void allowLoopbackOnly() {
        BugDetectors.allowNetworkConnections((host, port) -> isLoopback(host));
    }

    private static Run runProbe(ServerScript script) {
        ReplayServer.Session session = SERVER.play(script);
        Endpoint endpoint = new Endpoint(script.protocol(), ProbeHarness.HOST, SERVER.port(), script.security());

        long start = System.nanoTime();
        ProbeResult r = new ProbeRun(List.of(new PlannedProbe(endpoint, true)), ProbeHarness.options(TIMEOUT, PASSWORD), TRUST, RESOLVER,
                ProbeListener.NONE).execute().get(0);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        session.awaitQuiet(1000);
        return new Run(r, took, session);
    }

    private record Run(ProbeResult result, Duration took, ReplayServer.Session session) {
    }

    /** Plays the script against a real probe and checks the properties; also for plain tests of findings. */
    static void check(ServerScript script) {
        Run run = runProbe(script);
        ProbeResult r = run.result();
        Duration took = run.took();
        ReplayServer.Session session = run.session();

        String what = script + " -> " + r.outcome() + ": " + r.detail();
        assertThat(took).as("wall clock of " + what).isLessThanOrEqualTo(TIMEOUT.plus(GRACE));
        assertThat(r.outcome()).as(what).isNotNull().isNotEqualTo(Outcome.SKIPPED);
        assertThat(r.detail()).as(what).isNotBlank().doesNotStartWith("unexpected failure");
        if (r.outcome() == Outcome.TIMEOUT) {
            assertThat(r.detail()).as(what).contains("within 0.4 s");
        }
        assertThat(String.join("\n", r.transcript())).as("transcript of " + what).doesNotContain(SECRETS);

        boolean verifiedTls = script.tls() == ServerScript.Tls.VERIFIED && script.security() != Security.PLAIN;
        if (r.outcome() == Outcome.OK || r.outcome() == Outcome.LOGIN_REJECTED || r.credentialsSent()) {
            assertThat(verifiedTls).as("a secure verdict or a login without verified TLS: " + what).isTrue();
        }
        if (r.outcome() == Outcome.PLAIN_OK) {
            assertThat(script.security()).as(what).isEqualTo(Security.PLAIN);
        }
        for (ReplayServer.Received line : session.received) {
            if (carriesCredentials(line.line())) {
                assertThat(verifiedTls && line.overTls()).as("the server received \"" + line.line() + "\" in " + what).isTrue();
            }
        }
    }

    private static boolean carriesCredentials(String line) {
        if (SECRETS.stream().anyMatch(line::contains)) {
            return true;
        }
        String[] words = line.strip().toUpperCase(Locale.ROOT).split("\\s+");
        // SMTP and POP3 commands come first; IMAP commands follow a tag.
        return CREDENTIAL_COMMANDS.contains(words[0]) || words.length > 1 && CREDENTIAL_COMMANDS.contains(words[1]);
    }

    /** Without a DNS query: only "localhost" and IP literals count. */
    private static boolean isLoopback(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        if (!host.matches("[0-9.]+|[0-9A-Fa-f:.%\\[\\]]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
