package dev.mailwizard.mta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A pinned self-signed certificate carried into the exports: Postfix's listener on
 * {@code MTA_PINNED_PORT} (implicit TLS) presents a certificate that no CA signed; MailWizard
 * probes it with {@code --pin FINGERPRINT} only (no {@code --trust-ca}), exports msmtp and Postfix
 * relay settings from that report, and then the real programs trust the server through the pin in
 * the exported file and nothing else: msmtp sends a message that arrives, and the same file with
 * another fingerprint makes msmtp refuse the server before it logs in. Postfix's own TLS client
 * ({@code posttls-finger}) checks the exported main.cf values against the listener.
 */
@Tag("real-mta")
class RealPinnedCertificateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, String> env;
    private static Path work;
    private static Path bin;
    private static Path exported;
    private static JsonNode report;
    private static int port;
    private static String pin;

    @BeforeAll
    static void probeWithThePinAndExport() throws Exception {
        env = MtaEnvironment.load();
        assertThat(env).as("run the current .ci/mta-setup (it adds the pinned listener)").containsKey("MTA_PINNED_FINGERPRINT");
        port = Integer.parseInt(env.get("MTA_PINNED_PORT"));
        pin = env.get("MTA_PINNED_FINGERPRINT");
        work = Files.createTempDirectory("mailwizard-pinned");
        bin = KeyringStandIn.install(work, env);

        InProcessCli.Result probe = InProcessCli.run(env.get("MTA_PASSWORD") + "\n", null, List.of("probe", env.get("MTA_USER"),
                "--host", env.get("MTA_HOST"), "--resolve", env.get("MTA_HOST") + ":127.0.0.1", "--port", String.valueOf(port),
                "--security", "tls", "--pin", pin, "--password-stdin", "--json"));
        assertThat(probe.exit()).as(probe.toString()).isZero();
        report = JSON.readTree(probe.out());
        Path json = Files.writeString(work.resolve("pinned.json"), probe.out());
        exported = work.resolve("export");
        for (String format : List.of("msmtp", "postfix")) {
            InProcessCli.Result export = InProcessCli.run("", null, List.of("export", "--from", json.toString(), "--format", format,
                    "--out", exported.toString(), "--name", "Alice Test"));
            assertThat(export.exit()).as(export.toString()).isZero();
        }
    }

    @Test
    void theReportRecordsThePinAndTheLoginThroughIt() {
        assertThat(report.get("recommended").get("port").asInt()).isEqualTo(port);
        assertThat(report.get("trust").get("pins")).extracting(JsonNode::asText).containsExactly(pin);
        assertThat(report.get("trust").get("extraCaFiles")).isEmpty();
        JsonNode pinnedProbe = null;
        for (JsonNode p : report.get("probes")) {
            if (p.get("port").asInt() == port) {
                pinnedProbe = p;
            }
        }
        assertThat(pinnedProbe).as("a probe of port " + port).isNotNull();
        assertThat(pinnedProbe.get("tls").get("certificate").get("pinned").asBoolean()).isTrue();
        assertThat(pinnedProbe.get("tls").get("certificate").get("sha256").asText()).isEqualToIgnoringCase(pin);
    }

    @Test
    void msmtpSendsThroughThePinnedServerWithOnlyTheExportedFile() throws Exception {
        Path rc = exported.resolve("msmtprc");
        assertThat(Files.readString(rc)).contains("tls_fingerprint " + pin).doesNotContain(env.get("MTA_PASSWORD"));
        // No CA copy: the pin is all the trust there is.
        try (Stream<Path> files = Files.list(exported)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("msmtprc", "postfix-relay.txt");
        }
        String token = "mailwizard-msmtp-pinned-" + UUID.randomUUID();
        int before = authenticatedSessions();
        ExternalProgram.Result sent = msmtp(rc, token);
        assertThat(sent.exit()).as(sent.toString()).isZero();
        assertDelivered(token, before);
    }

    @Test
    void msmtpRefusesTheServerWhenTheFileHoldsAnotherFingerprint() throws Exception {
        String other = anotherFingerprint();
        Path rc = work.resolve("msmtprc-other-pin");
        Files.writeString(rc, Files.readString(exported.resolve("msmtprc")).replace(pin, other));
        Files.setPosixFilePermissions(rc, PosixFilePermissions.fromString("rw-------"));
        String token = "mailwizard-msmtp-wrong-pin-" + UUID.randomUUID();
        int before = authenticatedSessions();
        ExternalProgram.Result refused = msmtp(rc, token);
        assertThat(refused.exit()).as(refused.toString()).isNotZero();
        assertThat(refused.err()).as(refused.toString()).contains("TLS certificate verification failed")
                .contains("the certificate fingerprint does not match");
        Thread.sleep(1000); // a message that got through would be in the maildir by now
        assertThat(authenticatedSessions()).as("msmtp must not log in to a server whose certificate does not match").isEqualTo(before);
        assertThat(inboxHolds(token)).isFalse();
    }

    @Test
    void withoutThePinLinesMsmtpDoesNotTrustTheSelfSignedServer() throws Exception {
        Path rc = work.resolve("msmtprc-no-pin");
        Files.writeString(rc, Files.readString(exported.resolve("msmtprc")).replace("tls_trust_file\ntls_fingerprint " + pin + "\n", ""));
        Files.setPosixFilePermissions(rc, PosixFilePermissions.fromString("rw-------"));
        int before = authenticatedSessions();
        ExternalProgram.Result refused = msmtp(rc, "mailwizard-msmtp-no-pin-" + UUID.randomUUID());
        assertThat(refused.exit()).as(refused.toString()).isNotZero();
        assertThat(refused.err()).as(refused.toString()).contains("TLS certificate verification failed");
        assertThat(authenticatedSessions()).isEqualTo(before);
    }

    @Test
    void postfixsOwnTlsClientVerifiesTheServerWithTheExportedFingerprintSettings() throws Exception {
        String text = Files.readString(exported.resolve("postfix-relay.txt"));
        String mainCf = text.substring(text.indexOf("# ==> /etc/postfix/main.cf") + "# ==> /etc/postfix/main.cf".length(),
                text.indexOf("# ==> /etc/postfix/sasl_passwd"));
        Path dir = Files.createDirectories(work.resolve("postfix"));
        Files.writeString(dir.resolve("main.cf"), mainCf);
        Files.copy(Path.of("/etc/postfix/master.cf"), dir.resolve("master.cf")); // postconf warns without one
        Map<String, String> conf = new HashMap<>();
        for (String name : List.of("relayhost", "smtp_tls_wrappermode", "smtp_tls_security_level", "smtp_tls_fingerprint_digest",
                "smtp_tls_fingerprint_cert_match")) {
            ExternalProgram.Result r = ExternalProgram.run(List.of("postconf", "-c", dir.toString(), "-h", name), Map.of(), "", dir);
            assertThat(r.exit()).as(r.toString()).isZero();
            assertThat(r.err()).as(r.toString()).doesNotContain("warning");
            conf.put(name, r.out().strip());
        }
        assertThat(conf).containsEntry("relayhost", "[" + env.get("MTA_HOST") + "]:" + port).containsEntry("smtp_tls_wrappermode", "yes")
                .containsEntry("smtp_tls_security_level", "fingerprint").containsEntry("smtp_tls_fingerprint_cert_match", pin);
        // posttls-finger is Postfix's SMTP client TLS: given the exported level, digest and fingerprint it connects as the relay would.
        List<String> finger = new ArrayList<>(List.of("posttls-finger", "-c", "-h", "native", "-l", conf.get("smtp_tls_security_level"),
                "-d", conf.get("smtp_tls_fingerprint_digest")));
        if (conf.get("smtp_tls_wrappermode").equals("yes")) {
            finger.add("-w");
        }
        finger.add(conf.get("relayhost"));
        ExternalProgram.Result matched = ExternalProgram.run(concat(finger, conf.get("smtp_tls_fingerprint_cert_match")), Map.of(), "", dir);
        assertThat(matched.out() + matched.err()).as(matched.toString()).contains("Matched fingerprint")
                .contains("Verified TLS connection established to " + env.get("MTA_HOST"));
        ExternalProgram.Result other = ExternalProgram.run(concat(finger, anotherFingerprint()), Map.of(), "", dir);
        assertThat(other.out() + other.err()).as(other.toString()).doesNotContain("Verified TLS connection")
                .contains("Untrusted TLS connection established");
    }

    /** The pinned fingerprint with its first byte changed: same form, another certificate. */
    private static String anotherFingerprint() {
        return (pin.startsWith("00") ? "FF" : "00") + pin.substring(2);
    }

    private static List<String> concat(List<String> command, String last) {
        List<String> all = new ArrayList<>(command);
        all.add(last);
        return all;
    }

    private static ExternalProgram.Result msmtp(Path rc, String token) throws IOException, InterruptedException {
        Map<String, String> e = new HashMap<>();
        e.put("PATH", bin + ":" + System.getenv("PATH"));
        e.put("HOME", work.toString());
        return ExternalProgram.run(List.of("msmtp", "-C", rc.toString(), env.get("MTA_RCPT")), e,
                "From: " + env.get("MTA_USER") + "\nTo: " + env.get("MTA_RCPT") + "\nSubject: " + token + "\n\nsent by msmtp, pinned\n", work);
    }

    /** Postfix log lines of sessions on the pinned listener that logged in as the test user. */
    private static int authenticatedSessions() throws IOException {
        try (Stream<String> lines = Files.lines(Path.of(env.get("MTA_POSTFIX_LOG")))) {
            return (int) lines.filter(l -> l.contains("postfix/pinned/smtpd[") && l.contains("sasl_username=" + env.get("MTA_USER"))).count();
        }
    }

    private static Path inbox() {
        return Path.of(env.get("MTA_MAILDIR"), env.get("MTA_RCPT").substring(0, env.get("MTA_RCPT").indexOf('@')), "new");
    }

    private static boolean inboxHolds(String token) throws IOException {
        if (!Files.isDirectory(inbox())) {
            return false;
        }
        try (Stream<Path> files = Files.list(inbox())) {
            return files.anyMatch(f -> {
                try {
                    return Files.readString(f, StandardCharsets.ISO_8859_1).contains(token);
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }

    private static void assertDelivered(String token, int sessionsBefore) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (inboxHolds(token)) {
                assertThat(authenticatedSessions()).as("an authenticated session on the pinned listener in Postfix's log").isGreaterThan(sessionsBefore);
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("message " + token + " did not arrive in " + inbox());
    }
}
