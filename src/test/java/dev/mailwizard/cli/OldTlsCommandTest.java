package dev.mailwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailwizard.demo.DemoPki;
import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.demo.ServerBehaviour;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Issue 12, bug 3, as the command line shows it: a TLS 1.0-only server is named, with advice that fits. */
class OldTlsCommandTest {
    private static final String HOST = "smtp.oldtls.test";
    private static final String USER = "dave@oldtls.test";
    private static final String PASSWORD = "0ld-TLS-n3ver-sees-this";
    private static final TestCa CA = TestCa.named("Old TLS Test CA");
    private static final DemoPki PKI = CA.pki();


    private static ScriptedSmtpServer tls10OnlyServer() {
        return ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(PKI.issue(HOST).serverContext()).user(USER, PASSWORD)
                .tlsProtocols("TLSv1").hangUpOnNewerTls().build());
    }

    private static List<String> args(ScriptedSmtpServer server, String... extra) {
        List<String> all = new ArrayList<>(List.of("probe", USER, "--host", HOST, "--resolve", HOST + ":127.0.0.1",
                "--port", Integer.toString(server.port()), "--security", "tls", "--trust-ca", CA.file(), "--timeout", "5",
                "--password-stdin"));
        all.addAll(List.of(extra));
        return all;
    }

    private static void assertJsonNamesTls10(String json) throws Exception {
        JsonNode probe = new ObjectMapper().readTree(json).get("probes").get(0);
        assertThat(probe.get("outcome").asText()).isEqualTo("TLS_HANDSHAKE_FAILED");
        assertThat(probe.get("legacyTlsOnly").asText()).isEqualTo("TLSv1");
        assertThat(probe.get("detail").asText()).contains("this server only speaks TLS 1.0, which is no longer safe; the provider must update it");
        assertThat(probe.get("credentialsSent").asBoolean()).isFalse();
        assertThat(probe.get("login").get("attempted").asBoolean()).isFalse();
    }

    @Test
    void textReportNamesTheOldVersionAndNeverCallsThePortClosed() {
        try (var server = tls10OnlyServer()) {
            CliHarness.Result r = CliHarness.run(PASSWORD + "\n", args(server).toArray(String[]::new));
            assertThat(r.exitCode()).as(r.err() + r.out()).isEqualTo(1);
            String text = r.out().replaceAll("\\s+", " ");
            assertThat(text).contains("TLS_HANDSHAKE_FAILED").contains("OLD_TLS_ONLY").contains("TLS 1.0").doesNotContain("closed");
            assertThat(r.out() + r.err()).doesNotContain(PASSWORD).doesNotContain("Exception");
            assertThat(server.authAttempts()).isZero();
        }
    }

    @Test
    void textReportDoesNotCallAPortThatAcceptedTheConnectionClosed() {
        try (var server = ScriptedSmtpServer.start(ServerBehaviour.builder().resetOnConnect().build())) {
            CliHarness.Result r = CliHarness.run(PASSWORD + "\n", args(server).toArray(String[]::new));
            assertThat(r.exitCode()).as(r.err() + r.out()).isEqualTo(1);
            String text = r.out().replaceAll("\\s+", " ");
            assertThat(text).contains("REFUSED").contains("Fix: the server accepted the connection and then cut it").doesNotContain("closed");
            assertThat(r.out() + r.err()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void jsonCarriesLegacyTlsOnly() throws Exception {
        try (var server = tls10OnlyServer()) {
            CliHarness.Result r = CliHarness.run(PASSWORD + "\n", args(server, "--json", "--transcript").toArray(String[]::new));
            assertJsonNamesTls10(r.out());
            assertThat(r.out()).doesNotContain(PASSWORD);
            assertThat(server.authAttempts()).isZero();
        }
    }

    /**
     * The tests run with legacy-tls.security (TLS 1.0 enabled) so that the scripted server can speak
     * it; the probe itself must not depend on that. A child JVM with Java's own security settings,
     * where TLS 1.0/1.1 are disabled, reaches the same verdict against the same server.
     */
    @Test
    void aJvmWithTls10DisabledReachesTheSameVerdict() throws Exception {
        try (var server = tls10OnlyServer()) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "dev.mailwizard.Launcher"));
            command.addAll(args(server, "--json"));
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().remove("JAVA_TOOL_OPTIONS");
            pb.environment().remove("JDK_JAVA_OPTIONS");
            Process p = pb.start();
            try (OutputStream in = p.getOutputStream()) {
                in.write((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
            }
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the child JVM finished").isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(err + out).isEqualTo(1);
            assertJsonNamesTls10(out);
            assertThat(out + err).doesNotContain(PASSWORD);
            assertThat(server.authAttempts()).isZero();
        }
    }
}
