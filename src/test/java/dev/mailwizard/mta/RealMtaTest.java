package dev.mailwizard.mta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailwizard.cli.CliIo;
import dev.mailwizard.cli.MailWizardCommand;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Against the real Postfix + Dovecot that {@code .ci/mta-setup} starts (run by {@code .ci/run};
 * {@code ./mvnw verify -Preal-mta} after running the script by hand). Skipped by a plain
 * {@code ./mvnw verify}.
 */
@Tag("real-mta")
// Wrong-password tests use a long timeout: Dovecot delays failed logins from one address more and
// more (its auth penalty, up to 15 s), and this class fails several on purpose.
class RealMtaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, String> env;

    @BeforeAll
    static void readEnvironment() throws IOException {
        env = MtaEnvironment.load();
    }

    private record Run(int exit, JsonNode report, String stdout) {
    }

    private static Run probe(String password, String... extra) throws IOException {
        return run(password, List.of("--host", env.get("MTA_HOST")), extra);
    }

    private static Run run(String password, List<String> target, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("probe", env.get("MTA_USER")));
        args.addAll(target);
        args.addAll(List.of("--resolve", env.get("MTA_HOST") + ":127.0.0.1", "--trust-ca", env.get("MTA_CA"), "--json", "--transcript"));
        if (password != null) {
            args.add("--password-stdin");
        }
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MailWizardCommand.execute(new CliIo(new ByteArrayInputStream(((password == null ? "" : password) + "\n").getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), null), args.toArray(String[]::new));
        String stdout = out.toString(StandardCharsets.UTF_8);
        return new Run(code, JSON.readTree(stdout), stdout);
    }

    private static JsonNode probeAt(JsonNode report, int port, String security) {
        for (JsonNode p : report.get("probes")) {
            if (p.get("port").asInt() == port && p.get("security").asText().equals(security)) {
                return p;
            }
        }
        throw new AssertionError("no probe for " + port + " " + security);
    }

    private static long failedAuthLines() throws IOException {
        try (Stream<String> lines = Files.lines(Path.of(env.get("MTA_POSTFIX_LOG")))) {
            return lines.filter(l -> l.contains("authentication failed")).count();
        }
    }

    @Test
    void goodPasswordIsOkOn465And587AndRecommends465() throws IOException {
        Run r = probe(env.get("MTA_PASSWORD"));
        assertThat(r.exit()).as(r.stdout()).isZero();
        assertThat(probeAt(r.report(), 465, "TLS").get("outcome").asText()).isEqualTo("OK");
        assertThat(probeAt(r.report(), 587, "STARTTLS").get("outcome").asText()).isEqualTo("OK");
        assertThat(probeAt(r.report(), 465, "TLS").get("login").get("result").asText()).isEqualTo("OK");
        assertThat(probeAt(r.report(), 25, "STARTTLS").get("outcome").asText()).isEqualTo("LOGIN_UNAVAILABLE");
        assertThat(probeAt(r.report(), 2525, "STARTTLS").get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(r.report().get("recommended").get("port").asInt()).isEqualTo(465);
        assertThat(r.stdout()).doesNotContain(env.get("MTA_PASSWORD"));
    }

    @Test
    void starttlsOn587AloneLogsIn() throws IOException {
        Run r = probe(env.get("MTA_PASSWORD"), "--port", "587");
        assertThat(r.exit()).as(r.stdout()).isZero();
        JsonNode p = probeAt(r.report(), 587, "STARTTLS");
        assertThat(p.get("login").get("result").asText()).isEqualTo("OK");
        assertThat(p.get("capabilitiesBeforeTls").toString()).contains("STARTTLS").doesNotContain("AUTH");
        assertThat(p.get("capabilitiesAfterTls").toString()).contains("AUTH");
    }

    @Test
    void wrongPasswordIsRejectedWithExit3AndExactlyOneFailedAuthInTheServerLog() throws IOException, InterruptedException {
        long before = failedAuthLines();
        Run r = probe("definitely-wrong", "--timeout", "20");
        assertThat(r.exit()).as(r.stdout()).isEqualTo(3);
        long rejected = 0;
        for (JsonNode p : r.report().get("probes")) {
            if (p.get("outcome").asText().equals("LOGIN_REJECTED")) {
                rejected++;
                assertThat(p.get("login").get("reply").asText()).startsWith("535");
            }
        }
        assertThat(rejected).isEqualTo(1);
        Thread.sleep(500); // postlogd writes asynchronously
        assertThat(failedAuthLines() - before).isEqualTo(1);
    }

    @Test
    void sendTestDeliversAMessage() throws IOException, InterruptedException {
        Path bobNew = Path.of(env.get("MTA_MAILDIR"), "bob", "new");
        long before = countFiles(bobNew);
        Run r = probe(env.get("MTA_PASSWORD"), "--port", "465", "--send-test", env.get("MTA_RCPT"));
        assertThat(r.exit()).as(r.stdout()).isZero();
        JsonNode test = probeAt(r.report(), 465, "TLS").get("testMessage");
        assertThat(test.get("accepted").asBoolean()).isTrue();
        assertThat(test.get("reply").asText()).startsWith("250");
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (countFiles(bobNew) <= before && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(countFiles(bobNew)).isEqualTo(before + 1);
    }

    @Test
    void discoveryThroughDnsSrvFromDnsmasqFindsThePostfix() throws IOException {
        Run r = run(env.get("MTA_PASSWORD"), List.of("--dns", env.get("MTA_DNS"), "--ispdb", "https://127.0.0.1:1/"), "--timeout", "5");
        assertThat(r.exit()).as(r.stdout()).isZero();
        JsonNode first = r.report().get("discovery").get(0);
        assertThat(first.get("source").asText()).isEqualTo("srv");
        assertThat(first.get("host").asText()).isEqualTo(env.get("MTA_HOST"));
        assertThat(first.get("trusted").asBoolean()).isTrue();
        assertThat(r.report().get("recommended").get("host").asText()).isEqualTo(env.get("MTA_HOST"));
        assertThat(r.report().get("recommended").get("port").asInt()).isEqualTo(465);
        assertThat(r.report().get("discoveryNotes").toString()).contains("srv: 4 servers (used first)");
    }

    private static long dovecotMismatches() throws IOException {
        try (Stream<String> lines = Files.lines(Path.of(env.get("MTA_DOVECOT_LOG")))) {
            return lines.filter(l -> l.contains("Password mismatch")).count();
        }
    }

    @Test
    void incomingImapAndPop3AreFoundAndVerifiedWithTheRightPassword() throws IOException {
        Run r = probe(env.get("MTA_PASSWORD"), "--incoming", "--timeout", "5");
        assertThat(r.exit()).as(r.stdout()).isZero();
        for (Object[] want : new Object[][]{{"IMAP", 993, "TLS"}, {"IMAP", 143, "STARTTLS"}, {"POP3", 995, "TLS"}, {"POP3", 110, "STARTTLS"}}) {
            JsonNode p = incomingAt(r.report(), (String) want[0], (int) want[1], (String) want[2]);
            assertThat(p.get("outcome").asText()).as("%s %s", want[0], want[1]).isEqualTo("OK");
        }
        assertThat(incomingAt(r.report(), "IMAP", 993, "TLS").get("login").get("reply").asText()).contains("INBOX holds");
        assertThat(r.report().get("recommendedIncoming").get("protocol").asText()).isEqualTo("IMAP");
        assertThat(r.report().get("recommendedIncoming").get("port").asInt()).isEqualTo(993);
    }

    @Test
    void imapWrongPasswordIsLoginRejectedWithOneFailureInDovecotsLog() throws IOException, InterruptedException {
        long before = dovecotMismatches();
        Run r = probe("definitely-wrong", "--port", "imap:993", "--port", "imap:143", "--timeout", "20");
        assertThat(r.exit()).as(r.stdout()).isEqualTo(3);
        JsonNode p = incomingAt(r.report(), "IMAP", 993, "TLS");
        assertThat(p.get("outcome").asText()).isEqualTo("LOGIN_REJECTED");
        assertThat(incomingAt(r.report(), "IMAP", 143, "STARTTLS").get("login").get("result").asText()).isEqualTo("NOT_ATTEMPTED");
        Thread.sleep(500);
        assertThat(dovecotMismatches() - before).isEqualTo(1);
    }

    @Test
    void discoveryThroughSrvFindsPostfixAndDovecotTogether() throws IOException {
        Run r = run(env.get("MTA_PASSWORD"), List.of("--dns", env.get("MTA_DNS"), "--ispdb", "https://127.0.0.1:1/"), "--incoming", "--timeout", "5");
        assertThat(r.exit()).as(r.stdout()).isZero();
        assertThat(r.report().get("recommended").get("port").asInt()).isEqualTo(465);
        assertThat(r.report().get("recommendedIncoming").get("protocol").asText()).isEqualTo("IMAP");
        assertThat(r.report().get("recommendedIncoming").get("port").asInt()).isEqualTo(993);
        assertThat(r.report().get("discovery").toString()).contains("\"protocol\":\"IMAP\"").contains("\"port\":993");
    }

    @Test
    void wrongPasswordAcrossSmtpImapAndPop3FailsExactlyOnceInDovecotsLog() throws IOException, InterruptedException {
        long before = dovecotMismatches();
        Run r = probe("definitely-wrong", "--incoming", "--timeout", "20");
        assertThat(r.exit()).as(r.stdout()).isEqualTo(3);
        Thread.sleep(500);
        assertThat(dovecotMismatches() - before).isEqualTo(1);
    }

    private static JsonNode incomingAt(JsonNode report, String protocol, int port, String security) {
        for (JsonNode p : report.get("probes")) {
            if (p.get("protocol").asText().equals(protocol) && p.get("port").asInt() == port && p.get("security").asText().equals(security)) {
                return p;
            }
        }
        throw new AssertionError("no probe for " + protocol + " " + port);
    }

    private static long countFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
