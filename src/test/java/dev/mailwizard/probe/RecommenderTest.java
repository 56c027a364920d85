package dev.mailwizard.probe;

import dev.mailwizard.model.Outcome;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.Security;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecommenderTest {
    private static ProbeResult result(int port, Security security, Outcome outcome, LoginReport login) {
        return new ProbeResult(Endpoint.smtp("smtp.example.com", port, security), "192.0.2.1", outcome, "detail of " + port, "220 hi",
                null, List.of("AUTH PLAIN"), null, List.of("PLAIN"), null, login, login.attempted(),
                new Timings(1L, 1L, 1L, 1L, 1L, null, 10), List.of(), List.of(), null, null);
    }

    private static final LoginReport NONE = LoginReport.notAttempted("no password given");

    @Test
    void prefers465ThenSaysBothWorkWhen587DoesToo() {
        var recs = Recommender.rank(List.of(
                result(587, Security.STARTTLS, Outcome.OK, NONE),
                result(25, Security.STARTTLS, Outcome.OK, NONE),
                result(465, Security.TLS, Outcome.OK, NONE)), "alice@example.com", false);
        assertThat(recs).extracting(Recommendation::port).containsExactly(465, 587, 25);
        assertThat(recs.get(0).why()).contains("Both 465 (SSL/TLS) and 587 (STARTTLS) work").contains("RFC 8314");
        assertThat(recs.get(0).username()).isEqualTo("alice@example.com");
        assertThat(recs.get(0).authMechanism()).isEqualTo("PLAIN");
    }

    @Test
    void nothingIsRecommendedWhenNothingSecureWorks() {
        var recs = Recommender.rank(List.of(
                result(465, Security.TLS, Outcome.CERT_UNTRUSTED, NONE),
                result(587, Security.PLAIN, Outcome.PLAIN_OK, NONE)), "alice@example.com", false);
        assertThat(recs).isEmpty();
    }

    @Test
    void plainOnlyAsLastResortWhenAllowedAndWithAWarning() {
        var recs = Recommender.rank(List.of(
                result(465, Security.TLS, Outcome.TIMEOUT, NONE),
                result(587, Security.PLAIN, Outcome.PLAIN_OK, NONE)), "alice@example.com", true);
        assertThat(recs).hasSize(1);
        assertThat(recs.get(0).security()).isEqualTo(Security.PLAIN);
        assertThat(recs.get(0).why()).contains("readable");
    }

    @Test
    void plainIsNeverPreferredOverEncrypted() {
        var recs = Recommender.rank(List.of(
                result(587, Security.PLAIN, Outcome.PLAIN_OK, NONE),
                result(25, Security.STARTTLS, Outcome.OK, NONE)), "alice@example.com", true);
        assertThat(recs).extracting(Recommendation::security).containsExactly(Security.STARTTLS);
    }

    @Test
    void rejectedLoginIsExplainedOnTheRecommendation() {
        LoginReport rejected = new LoginReport(true, "PLAIN", LoginStatus.REJECTED, "535 5.7.8 nope", "refused");
        var recs = Recommender.rank(List.of(
                result(465, Security.TLS, Outcome.OK, NONE),
                result(587, Security.STARTTLS, Outcome.LOGIN_REJECTED, rejected)), "alice@example.com", false);
        assertThat(recs.get(0).port()).isEqualTo(465);
        assertThat(recs.get(0).why()).contains("refused the password").contains("port 587");
    }
}
