package dev.mailwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailwizard.demo.DemoPki;
import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.demo.ServerBehaviour;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A refused login end to end: Gmail's verbatim 534 5.7.9 reply in the JSON and the text report, exit 3. */
class RefusedLoginCommandTest {
    private static final String HOST = "smtp.gmail.com";
    private static final String USER = "carol@gmail.com";
    private static final TestCa CA = TestCa.named("Refusal Test CA");
    private static final DemoPki PKI = CA.pki();


    private static ScriptedSmtpServer gmailWantingAnAppPassword() {
        return ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(PKI.issue(HOST).serverContext())
                .answerAuthWith("534-5.7.9 Application-specific password required. Learn more at",
                        "534 5.7.9 https://support.google.com/mail/?p=InvalidSecondFactor ... - gsmtp").build());
    }

    private static CliHarness.Result probe(ScriptedSmtpServer server, String... extra) {
        return CliHarness.probeOverTls(server.port(), USER, HOST, CA, "my-normal-password", extra);
    }

    @Test
    void jsonCarriesTheDiagnosisAdviceAndHelpLink() throws Exception {
        try (var server = gmailWantingAnAppPassword()) {
            CliHarness.Result r = probe(server, "--json");
            assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
            JsonNode json = new ObjectMapper().readTree(r.out());
            assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
            JsonNode login = json.get("probes").get(0).get("login");
            assertThat(login.get("result").asText()).isEqualTo("REJECTED");
            assertThat(login.get("method").asText()).isEqualTo("password");
            assertThat(login.get("diagnosis").asText()).isEqualTo("APP_PASSWORD_REQUIRED");
            assertThat(login.get("advice").asText()).startsWith("Gmail needs an app password here");
            assertThat(login.get("helpUrl").asText()).isEqualTo("https://support.google.com/mail/?p=InvalidSecondFactor");
            assertThat(login.get("reply").asText()).contains("534-5.7.9 Application-specific password required", "534 5.7.9 https://");
            assertThat(json.get("recommended").get("authMethod").asText()).isEqualTo("password");
            assertThat(json.get("recommended").get("why").asText()).contains("the server needs an app password", "Gmail needs an app password here");
            assertThat(server.authAttempts()).isEqualTo(1);
        }
    }

    @Test
    void textReportShowsTheFixBeforeTheServersWords() {
        try (var server = gmailWantingAnAppPassword()) {
            CliHarness.Result r = probe(server);
            assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
            String out = r.out();
            assertThat(out).contains("Right settings, but the login was refused", "APP_PASSWORD_REQUIRED",
                    "Help: https://support.google.com/mail/?p=InvalidSecondFactor");
            assertThat(out.indexOf("Fix: Gmail needs an app password")).isPositive().isLessThan(out.indexOf("Server said: 534-5.7.9"));
            assertThat(server.authAttempts()).isEqualTo(1);
        }
    }

    @Test
    void aLoginThatWasNotRefusedHasAMethodButNoDiagnosis() throws Exception {
        String password = "right";
        try (var server = ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(PKI.issue(HOST).serverContext()).user(USER, password).build())) {
            String[] args = {"probe", USER, "--host", HOST, "--resolve", HOST + ":127.0.0.1", "--port", Integer.toString(server.port()),
                    "--security", "tls", "--trust-ca", CA.file(), "--timeout", "5", "--password-stdin", "--json"};
            CliHarness.Result r = CliHarness.run(password + "\n", args);
            assertThat(r.exitCode()).as(r.err()).isZero();
            JsonNode login = new ObjectMapper().readTree(r.out()).get("probes").get(0).get("login");
            assertThat(login.get("method").asText()).isEqualTo("password");
            assertThat(login.has("diagnosis")).isFalse();
        }
    }
}
