package dev.mailwizard.probe;

import static dev.mailwizard.probe.ProbeHarness.*;
import static dev.mailwizard.probe.TestTokens.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.demo.ScriptedServer;
import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.demo.ServerBehaviour;
import dev.mailwizard.model.AuthMethod;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.LoginDiagnosis;
import dev.mailwizard.model.Outcome;
import dev.mailwizard.model.Security;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * SMTP logins with an OAuth2 access token (XOAUTH2, OAUTHBEARER) against scripted servers: what
 * the server received (the exact SASL response, only over TLS, once), and what the report says.
 */
class TokenLoginSmtpTest {
    private static ProbeResult probe(ScriptedSmtpServer server, Security security, String token) {
        return ProbeHarness.probe(server, security, TestTokens.options(token), trust());
    }

    private static List<String> authLines(ScriptedServer server) {
        return server.received().stream().map(ScriptedServer.Received::line).filter(l -> l.toUpperCase(Locale.ROOT).startsWith("AUTH")).toList();
    }

    @Test
    void xoauth2LoginSendsUserAndTokenOnceOverTls() {
        try (var server = ScriptedSmtpServer.start(goodImplicitTls().authAfterTls("PLAIN", "LOGIN", "XOAUTH2", "OAUTHBEARER").user(USER, TOKEN).build())) {
            ProbeResult r = probe(server, Security.TLS, TOKEN);
            assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.OK);
            assertThat(r.login().result()).isEqualTo(LoginStatus.OK);
            assertThat(r.login().method()).isEqualTo(AuthMethod.OAUTH2);
            assertThat(r.login().mechanism()).isEqualTo("XOAUTH2");
            assertThat(r.credentialsSent()).isTrue();
            assertThat(server.authAttempts()).isEqualTo(1);
            // A 1,500-character token makes a 2,000-character response: too long for the AUTH line
            // (512 octets, RFC 4954), so it follows the server's empty 334 on a line of its own.
            assertThat(authLines(server)).containsExactly("AUTH XOAUTH2");
            int auth = indexOf(server, "AUTH XOAUTH2");
            assertThat(decodedLine(server, auth + 1)).isEqualTo("user=" + USER + "^Aauth=Bearer " + TOKEN + "^A^A");
            assertThat(server.received()).allMatch(ScriptedServer.Received::overTls);
            assertThat(String.join("\n", r.transcript())).contains("AUTH XOAUTH2 <redacted>");
        }
    }

    @Test
    void aShortTokenGoesOnTheAuthLine() {
        String shortToken = jwt(250, 3);
        try (var server = ScriptedSmtpServer.start(goodImplicitTls().authAfterTls("XOAUTH2").user(USER, shortToken).build())) {
            ProbeResult r = probe(server, Security.TLS, shortToken);
            assertThat(r.login().result()).as(r.login().detail()).isEqualTo(LoginStatus.OK);
            String line = authLines(server).get(0);
            assertThat(line).startsWith("AUTH XOAUTH2 ");
            assertThat(line.length() + 2).isLessThanOrEqualTo(512);
            assertThat(decodedLine(server, indexOf(server, "AUTH XOAUTH2"))).isEqualTo("user=" + USER + "^Aauth=Bearer " + shortToken + "^A^A");
        }
    }

    @Test
    void oauthBearerWhenTheServerHasNoXoauth2() {
        try (var server = ScriptedSmtpServer.start(goodImplicitTls().authAfterTls("PLAIN", "OAUTHBEARER").user(USER, TOKEN).build())) {
            ProbeResult r = probe(server, Security.TLS, TOKEN);
            assertThat(r.login().result()).as(r.login().detail()).isEqualTo(LoginStatus.OK);
            assertThat(r.login().mechanism()).isEqualTo("OAUTHBEARER");
            assertThat(authLines(server)).containsExactly("AUTH OAUTHBEARER");
            assertThat(decodedLine(server, indexOf(server, "AUTH OAUTHBEARER") + 1))
                    .isEqualTo("n,a=" + USER + ",^Ahost=" + HOST + "^Aport=" + server.port() + "^Aauth=Bearer " + TOKEN + "^A^A");
        }
    }

    @Test
    void aRefusedTokenIsReadAsTokenRejectedWithTheServersErrorDecoded() {
        try (var server = ScriptedSmtpServer.start(goodImplicitTls().authAfterTls("PLAIN", "XOAUTH2").user(USER, TOKEN).build())) {
            ProbeResult r = probe(server, Security.TLS, OTHER_TOKEN);
            assertThat(r.outcome()).isEqualTo(Outcome.LOGIN_REJECTED);
            assertThat(r.login().method()).isEqualTo(AuthMethod.OAUTH2);
            assertThat(r.login().refusal().diagnosis()).isEqualTo(LoginDiagnosis.TOKEN_REJECTED);
            assertThat(r.login().refusal().advice()).containsIgnoringCase("sign in again");
            assertThat(r.login().reply()).isEqualTo("334 {\"status\":\"400\",\"schemes\":\"Bearer\",\"scope\":\"https://mail.google.com/\"}"
                    + " / 535-5.7.8 Username and Password not accepted. Learn more at / 535 5.7.8 https://support.google.com/mail/answer/14257 ... - gsmtp");
            assertThat(r.credentialsSent()).isTrue();
            // One AUTH; the error challenge is answered with an empty line (Google's rule for XOAUTH2), nothing else.
            assertThat(server.authAttempts()).isEqualTo(1);
            List<String> lines = server.received().stream().map(ScriptedServer.Received::line).toList();
            int auth = lines.indexOf("AUTH XOAUTH2");
            assertThat(lines.get(auth + 2)).isEmpty();
            assertThat(lines.subList(auth + 3, lines.size())).isEmpty();
            Recommendation rec = Recommender.rank(List.of(r), USER, false).get(0);
            assertThat(rec.authMethod()).isEqualTo(AuthMethod.OAUTH2);
            assertThat(rec.authMechanism()).isEqualTo("XOAUTH2");
        }
    }

    @Test
    void aRefusedOauthBearerAcknowledgesTheErrorWithKvsep() {
        try (var server = ScriptedSmtpServer.start(goodImplicitTls().authAfterTls("OAUTHBEARER").user(USER, TOKEN).build())) {
            ProbeResult r = probe(server, Security.TLS, OTHER_TOKEN);
            assertThat(r.login().refusal().diagnosis()).isEqualTo(LoginDiagnosis.TOKEN_REJECTED);
            List<String> lines = server.received().stream().map(ScriptedServer.Received::line).toList();
            int auth = lines.indexOf("AUTH OAUTHBEARER");
            assertThat(lines.get(auth + 2)).isEqualTo("AQ==");
        }
    }

    @Test
    void tryLaterAndTooManyAttemptsStayWhatTheySay() {
        try (var server = ScriptedSmtpServer.start(goodImplicitTls().authAfterTls("XOAUTH2").user(USER, TOKEN)
                .answerAuthWith("454 4.7.0 Temporary authentication failure").build())) {
            assertThat(probe(server, Security.TLS, TOKEN).login().refusal().diagnosis()).isEqualTo(LoginDiagnosis.TEMPORARY);
        }
        try (var server = ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(PKI.issue("smtp.mail.yahoo.com").serverContext())
                .authAfterTls("XOAUTH2").answerAuthWith("535 5.7.0 (#AUTH005) Too many bad auth attempts.").build())) {
            Endpoint e = Endpoint.smtp("smtp.mail.yahoo.com", server.port(), Security.TLS);
            ProbeResult r = new ProbeRun(List.of(new PlannedProbe(e, true)), TestTokens.options(TOKEN), trust(), loopback(e.host()),
                    ProbeListener.NONE).execute().get(0);
            assertThat(r.login().refusal().diagnosis()).isEqualTo(LoginDiagnosis.TOO_MANY_ATTEMPTS);
        }
    }

    @Test
    void aServerWithoutOAuth2LoginGetsNoTokenAtAll() {
        try (var server = ScriptedSmtpServer.start(goodImplicitTls().authAfterTls("PLAIN", "LOGIN").user(USER, TOKEN).build())) {
            ProbeResult r = probe(server, Security.TLS, TOKEN);
            assertThat(r.outcome()).isEqualTo(Outcome.LOGIN_UNAVAILABLE);
            assertThat(r.detail()).contains("the server offers no OAuth2 login (XOAUTH2/OAUTHBEARER)", "PLAIN LOGIN");
            assertThat(r.login().attempted()).isFalse();
            assertThat(r.login().method()).isEqualTo(AuthMethod.OAUTH2);
            assertThat(authLines(server)).isEmpty();
        }
    }

    @Test
    void starttlsCarriesTheTokenOnlyAfterTheUpgrade() {
        try (var server = ScriptedSmtpServer.start(goodStarttls().authBeforeTls("XOAUTH2").authAfterTls("XOAUTH2").user(USER, TOKEN).build())) {
            ProbeResult r = probe(server, Security.STARTTLS, TOKEN);
            assertThat(r.login().result()).as(r.login().detail()).isEqualTo(LoginStatus.OK);
            assertThat(server.receivedInClear()).noneMatch(l -> l.toUpperCase(Locale.ROOT).startsWith("AUTH") || l.contains(TOKEN.substring(0, 20)));
            assertThat(server.authAttempts()).isEqualTo(1);
        }
    }

    @Test
    void noTokenForAServerTheUserDidNotConfirmNorOverAPlainConnection() {
        try (var server = ScriptedSmtpServer.start(goodImplicitTls().authAfterTls("XOAUTH2").user(USER, TOKEN).build())) {
            Endpoint e = Endpoint.smtp(HOST, server.port(), Security.TLS);
            ProbeResult r = new ProbeRun(List.of(new PlannedProbe(e, false)), TestTokens.options(TOKEN), trust(), loopback(), ProbeListener.NONE)
                    .execute().get(0);
            assertThat(r.login().attempted()).isFalse();
            assertThat(authLines(server)).isEmpty();
        }
        try (var plain = ScriptedSmtpServer.start(ServerBehaviour.builder().noTls().authBeforeTls("XOAUTH2").user(USER, TOKEN).build())) {
            ProbeOptions allowPlain = new ProbeOptions(Duration.ofSeconds(5), TestTokens.options(TOKEN).credentials(), true, null, USER);
            ProbeResult r = ProbeHarness.probe(plain, Security.PLAIN, allowPlain, trust());
            assertThat(r.outcome()).isEqualTo(Outcome.PLAIN_OK);
            assertThat(r.login().detail()).contains("never sends an access token without encryption");
            assertThat(authLines(plain)).isEmpty();
        }
    }

    @Test
    void onePortOfAServerGetsTheTokenAndTheOtherIsNotTried() {
        try (var tls = ScriptedSmtpServer.start(goodImplicitTls().authAfterTls("XOAUTH2").user(USER, TOKEN).build());
             var starttls = ScriptedSmtpServer.start(goodStarttls().authAfterTls("XOAUTH2").user(USER, TOKEN).build())) {
            List<PlannedProbe> plan = List.of(new PlannedProbe(Endpoint.smtp(HOST, tls.port(), Security.TLS), true),
                    new PlannedProbe(Endpoint.smtp(HOST, starttls.port(), Security.STARTTLS), true));
            List<ProbeResult> results = new ProbeRun(plan, TestTokens.options(OTHER_TOKEN), trust(), loopback(), ProbeListener.NONE).execute();
            assertThat(tls.authAttempts() + starttls.authAttempts()).isEqualTo(1);
            assertThat(results).extracting(p -> p.login().method()).containsOnly(AuthMethod.OAUTH2);
        }
    }

    @Test
    void aProbeThatNeverReachesTheLoginStillReportsTheTokenMethod() throws java.io.IOException {
        int closed;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Endpoint e = Endpoint.smtp(HOST, closed, Security.TLS);
        ProbeResult r = new ProbeRun(List.of(new PlannedProbe(e, true)), TestTokens.options(TOKEN), trust(), loopback(), ProbeListener.NONE)
                .execute().get(0);
        assertThat(r.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(r.login().method()).isEqualTo(AuthMethod.OAUTH2);
    }

    @Test
    void aPasswordNeverGoesWithTheTokenMechanisms() {
        try (var server = ScriptedSmtpServer.start(goodImplicitTls().authAfterTls("XOAUTH2", "OAUTHBEARER").build())) {
            ProbeResult r = ProbeHarness.probe(server, Security.TLS, PASSWORD);
            assertThat(r.outcome()).isEqualTo(Outcome.LOGIN_UNAVAILABLE);
            assertThat(authLines(server)).isEmpty();
        }
    }
}
