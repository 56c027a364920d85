package dev.mailwizard.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.DeclinedService;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.HelpLink;
import dev.mailwizard.model.OAuth2Endpoints;
import dev.mailwizard.model.Provider;
import dev.mailwizard.model.ProviderNeeds;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;
import dev.mailwizard.model.ServerCandidate;
import dev.mailwizard.probe.LoginReport;
import dev.mailwizard.probe.LoginStatus;
import dev.mailwizard.model.AuthMethod;
import dev.mailwizard.model.Outcome;
import dev.mailwizard.probe.ProbeReport;
import dev.mailwizard.probe.ProbeResult;
import dev.mailwizard.probe.Recommendation;
import dev.mailwizard.probe.Timings;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportTest {
    private static ProbeReport report() {
        ProbeResult p = new ProbeResult(Endpoint.smtp("mail.example.test", 587, Security.STARTTLS), "127.0.0.1", Outcome.OK, "fine",
                "220 mail.example.test ESMTP", List.of("PIPELINING", "STARTTLS"), List.of("PIPELINING", "AUTH PLAIN LOGIN"),
                "220 go ahead", List.of("PLAIN", "LOGIN"), null,
                new LoginReport(true, "PLAIN", LoginStatus.OK, "235 2.7.0 ok", "accepted"), true,
                new Timings(0L, 1L, 3L, 9L, 2L, 4L, 21), List.of("a warning"), List.of("S: 220 hi", "C: AUTH PLAIN <redacted>"), null, null);
        return new ProbeReport("mailwizard test", "alice@example.test", Instant.parse("2026-11-29T10:00:00Z"), 812,
                List.of(new ServerCandidate(Protocol.SMTP, "mail.example.test", null, null, CandidateSource.GUESS, true, "guessed")),
                List.of("guess: 1 server"), List.of(p), new Recommendation(Protocol.SMTP, "mail.example.test", 587, Security.STARTTLS, "alice@example.test", AuthMethod.PASSWORD, "PLAIN", Outcome.OK, "works"),
                List.of(), null, List.of(), true, false, List.of(Protocol.SMTP), List.of(), List.of());
    }

    @Test
    void hasTheContractsFieldsAndValues() throws Exception {
        JsonNode j = new ObjectMapper().readTree(JsonReport.write(report(), false));
        assertThat(j.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(j.get("startedAt").asText()).isEqualTo("2026-11-29T10:00:00Z");
        assertThat(j.get("discovery").get(0).get("source").asText()).isEqualTo("guess");
        JsonNode p = j.get("probes").get(0);
        for (String field : List.of("protocol", "host", "address", "port", "security", "outcome", "banner", "capabilitiesBeforeTls",
                "capabilitiesAfterTls", "authMechanisms", "tls", "login", "credentialsSent", "timings", "warnings")) {
            assertThat(p.has(field)).as(field).isTrue();
        }
        assertThat(p.get("security").asText()).isEqualTo("STARTTLS");
        assertThat(p.get("login").get("result").asText()).isEqualTo("OK");
        assertThat(p.get("timings").get("totalMs").asLong()).isEqualTo(21);
        assertThat(p.has("transcript")).isFalse();
        JsonNode rec = j.get("recommended");
        for (String field : List.of("host", "port", "security", "username", "authMechanism", "why")) {
            assertThat(rec.has(field)).as(field).isTrue();
        }
    }

    @Test
    void transcriptOnlyWhenAskedAndRecommendedNullWhenNothingWorks() throws Exception {
        JsonNode j = new ObjectMapper().readTree(JsonReport.write(report(), true));
        assertThat(j.get("probes").get(0).get("transcript").get(1).asText()).isEqualTo("C: AUTH PLAIN <redacted>");
        ProbeReport r = report();
        ProbeReport none = new ProbeReport(r.tool(), r.address(), r.startedAt(), 1, r.discovery(), r.discoveryNotes(), r.probes(), null, List.of(), null, List.of(), false, false,
                r.asked(), r.declined(), r.hints());
        assertThat(new ObjectMapper().readTree(JsonReport.write(none, false)).get("recommended").isNull()).isTrue();
    }

    @Test
    void theProviderAndEachSourcesAuthenticationWordsAreInTheReport() throws Exception {
        ProbeReport r = report();
        Provider gmail = new Provider("googlemail.com", "Gmail", ProviderNeeds.APP_PASSWORD,
                new OAuth2Endpoints("accounts.google.com", List.of("https://mail.google.com/"), "https://accounts.google.com/o/oauth2/auth",
                        "https://www.googleapis.com/oauth2/v3/token"),
                List.of(new HelpLink("https://support.google.com/accounts/answer/185833", "Create and use an app password", "providers")));
        ServerCandidate fromIspdb = new ServerCandidate(Protocol.SMTP, "smtp.gmail.com", 465, Security.TLS, CandidateSource.ISPDB, true,
                "ISPDB entry", List.of("OAuth2", "password-cleartext"));
        ProbeReport withProvider = new ProbeReport(r.tool(), r.address(), r.startedAt(), 1, List.of(fromIspdb, r.discovery().get(0)),
                r.discoveryNotes(), r.probes(), r.recommended(), List.of(), null, List.of(), true, false, r.asked(),
                List.of(new DeclinedService(Protocol.SMTP, Security.STARTTLS, "_submission._tcp.example.test")), r.hints(), gmail);
        JsonNode j = new ObjectMapper().readTree(JsonReport.write(withProvider, false));
        JsonNode p = j.get("provider");
        assertThat(p.get("id").asText()).isEqualTo("googlemail.com");
        assertThat(p.get("displayName").asText()).isEqualTo("Gmail");
        assertThat(p.get("needs").asText()).isEqualTo("APP_PASSWORD");
        assertThat(p.get("oauth2").get("issuer").asText()).isEqualTo("accounts.google.com");
        assertThat(p.get("oauth2").get("scopes").get(0).asText()).isEqualTo("https://mail.google.com/");
        assertThat(p.get("oauth2").get("authorizationEndpoint").asText()).startsWith("https://accounts.google.com/");
        assertThat(p.get("oauth2").get("tokenEndpoint").asText()).startsWith("https://www.googleapis.com/");
        assertThat(p.get("help").get(0).get("url").asText()).isEqualTo("https://support.google.com/accounts/answer/185833");
        assertThat(p.get("help").get(0).get("description").asText()).isEqualTo("Create and use an app password");
        JsonNode discovery = j.get("discovery");
        assertThat(discovery.get(0).get("authentication")).extracting(JsonNode::asText).containsExactly("OAuth2", "password-cleartext");
        assertThat(discovery.get(1).get("authentication").isArray()).isTrue();
        assertThat(discovery.get(1).get("authentication")).isEmpty();
        assertThat(discovery.get(2).get("offered").asBoolean()).isFalse();
        assertThat(discovery.get(2).get("authentication")).isEmpty();
        // No source named a provider: null, not a missing field.
        JsonNode without = new ObjectMapper().readTree(JsonReport.write(r, false));
        assertThat(without.has("provider")).isTrue();
        assertThat(without.get("provider").isNull()).isTrue();
    }

    @Test
    void jsonLinesAreOneLine() {
        assertThat(JsonReport.writeLine(report(), false)).doesNotContain("\n");
    }
}
