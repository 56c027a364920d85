package dev.mailwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code mailwizard demo}: the whole report against the built-in servers, as a first-time user runs it. */
class DemoCommandTest {
    @Test
    void theDemoShowsEveryKindOfServerAndRecommendsTheGoodOne() throws Exception {
        CliHarness.Result r = CliHarness.run("", "demo", "--json", "--timeout", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        Map<String, String> outcomeByHost = new HashMap<>();
        json.get("probes").forEach(p -> outcomeByHost.merge(p.get("host").asText(), p.get("outcome").asText(), (a, b) -> a + "," + b));
        assertThat(outcomeByHost).containsEntry("stripped.demo.test", "STARTTLS_NOT_OFFERED")
                .containsEntry("tarpit.demo.test", "TIMEOUT")
                .containsEntry("selfsigned.demo.test", "CERT_UNTRUSTED")
                .containsEntry("imap.demo.test", "OK");
        assertThat(json.get("recommended").get("host").asText()).isEqualTo("smtp.demo.test");
        assertThat(json.get("recommended").get("port").asInt()).isPositive();
        assertThat(json.get("recommendedIncoming").get("host").asText()).isEqualTo("imap.demo.test");
        JsonNode login = json.get("probes").get(0).get("login");
        assertThat(login.get("result").asText()).as("the demo account logs in on the best port").isEqualTo("OK");
    }

    @Test
    void theTextReportSaysBothDirections() {
        CliHarness.Result r = CliHarness.run("", "demo", "--timeout", "1");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("incoming (IMAP/POP3) and outgoing (SMTP) mail").contains("Recommended settings")
                .contains("Incoming mail:").contains("TIMEOUT");
    }
}
