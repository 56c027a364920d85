package dev.mailwizard.probe;

import static dev.mailwizard.probe.ProbeHarness.*;
import static dev.mailwizard.probe.TestTokens.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.demo.MailboxBehaviour;
import dev.mailwizard.demo.ScriptedImapServer;
import dev.mailwizard.demo.ScriptedPop3Server;
import dev.mailwizard.demo.ScriptedServer;
import dev.mailwizard.model.AuthMethod;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.LoginDiagnosis;
import dev.mailwizard.model.Outcome;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** IMAP and POP3 logins with an OAuth2 access token against scripted servers, checked by what they received. */
class TokenLoginStoreTest {
    private static final String GMAIL_ERROR = "{\"status\":\"400\",\"schemes\":\"Bearer\",\"scope\":\"https://mail.google.com/\"}";

    private static ProbeResult probe(ScriptedServer server, Protocol protocol, String token) {
        Endpoint e = new Endpoint(protocol, HOST, server.port(), Security.TLS);
        return new ProbeRun(List.of(new PlannedProbe(e, true)), TestTokens.options(token), trust(), loopback(), ProbeListener.NONE).execute().get(0);
    }

    private static MailboxBehaviour imap(String... sasl) {
        return MailboxBehaviour.implicit(GOOD_CERT.serverContext(), USER, TOKEN).offeringSasl(sasl);
    }

    private static List<String> lines(ScriptedServer server) {
        return server.received().stream().map(ScriptedServer.Received::line).toList();
    }

    private static boolean sentLoginOrPlain(ScriptedServer server) {
        return lines(server).stream().map(l -> l.toUpperCase(Locale.ROOT))
                .anyMatch(l -> l.matches("\\S+ LOGIN .*") || l.contains("AUTHENTICATE PLAIN") || l.startsWith("USER") || l.startsWith("PASS"));
    }

    @Test
    void imapXoauth2WithSaslIrSendsTheResponseOnTheAuthenticateLine() {
        try (var server = ScriptedImapServer.start(imap("PLAIN", "XOAUTH2").withSaslIr())) {
            ProbeResult r = probe(server, Protocol.IMAP, TOKEN);
            assertThat(r.login().result()).as(r.login().detail()).isEqualTo(LoginStatus.OK);
            assertThat(r.login().method()).isEqualTo(AuthMethod.OAUTH2);
            assertThat(r.login().mechanism()).isEqualTo("XOAUTH2");
            assertThat(r.login().reply()).contains("INBOX holds 3 messages");
            int auth = indexOf(server, "A");
            auth = lines(server).stream().filter(l -> l.contains("AUTHENTICATE")).findFirst().map(l -> lines(server).indexOf(l)).orElseThrow();
            assertThat(lines(server).get(auth)).matches("\\S+ AUTHENTICATE XOAUTH2 \\S+");
            assertThat(decodedLine(server, auth)).isEqualTo("user=" + USER + "^Aauth=Bearer " + TOKEN + "^A^A");
            assertThat(server.authAttempts()).isEqualTo(1);
            assertThat(sentLoginOrPlain(server)).isFalse();
            assertThat(r.credentialsSent()).isTrue();
        }
    }

    @Test
    void imapWithoutSaslIrSendsTheResponseAfterTheContinuation() {
        try (var server = ScriptedImapServer.start(imap("XOAUTH2", "OAUTHBEARER"))) {
            ProbeResult r = probe(server, Protocol.IMAP, TOKEN);
            assertThat(r.login().result()).as(r.login().detail()).isEqualTo(LoginStatus.OK);
            int auth = lines(server).indexOf(lines(server).stream().filter(l -> l.endsWith("AUTHENTICATE XOAUTH2")).findFirst().orElseThrow());
            assertThat(decodedLine(server, auth + 1)).isEqualTo("user=" + USER + "^Aauth=Bearer " + TOKEN + "^A^A");
        }
    }

    @Test
    void imapOauthBearer() {
        try (var server = ScriptedImapServer.start(imap("PLAIN", "OAUTHBEARER"))) {
            ProbeResult r = probe(server, Protocol.IMAP, TOKEN);
            assertThat(r.login().result()).as(r.login().detail()).isEqualTo(LoginStatus.OK);
            assertThat(r.login().mechanism()).isEqualTo("OAUTHBEARER");
            int auth = lines(server).indexOf(lines(server).stream().filter(l -> l.endsWith("AUTHENTICATE OAUTHBEARER")).findFirst().orElseThrow());
            assertThat(decodedLine(server, auth + 1))
                    .isEqualTo("n,a=" + USER + ",^Ahost=" + HOST + "^Aport=" + server.port() + "^Aauth=Bearer " + TOKEN + "^A^A");
        }
    }

    @Test
    void imapRefusalAsGmailAnswersIt() {
        try (var server = ScriptedImapServer.start(imap("PLAIN", "XOAUTH2"))) {
            ProbeResult r = probe(server, Protocol.IMAP, OTHER_TOKEN);
            assertThat(r.outcome()).isEqualTo(Outcome.LOGIN_REJECTED);
            assertThat(r.login().refusal().diagnosis()).isEqualTo(LoginDiagnosis.TOKEN_REJECTED);
            assertThat(r.login().reply()).startsWith("+ " + GMAIL_ERROR + " / ").contains("[AUTHENTICATIONFAILED] Invalid credentials (Failure)");
            int auth = lines(server).indexOf(lines(server).stream().filter(l -> l.endsWith("AUTHENTICATE XOAUTH2")).findFirst().orElseThrow());
            // The response, then an empty line for the error challenge: the token went once.
            assertThat(lines(server).get(auth + 2)).isEmpty();
            assertThat(lines(server)).filteredOn(l -> l.length() > 100).hasSize(1);
            assertThat(server.authAttempts()).isEqualTo(1);
            assertThat(r.credentialsSent()).isTrue();
        }
    }

    @Test
    void imapServerSpellingTheMechanismInLowerCaseNeverGetsTheTokenAsAPassword() {
        // Angus matches SASL names case-sensitively, finds no client, and falls back to the LOGIN command,
        // which announces the token as a literal and waits for "+": the token itself is stopped.
        try (var server = ScriptedImapServer.start(imap("oauthbearer"))) {
            ProbeResult r = probe(server, Protocol.IMAP, TOKEN);
            assertThat(lines(server)).noneMatch(l -> l.contains(TOKEN.substring(0, 40)));
            assertThat(lines(server)).filteredOn(l -> l.contains(" LOGIN ")).singleElement()
                    .satisfies(l -> assertThat(l).endsWith(USER + " {" + TOKEN.length() + "}"));
            assertThat(r.credentialsSent()).isFalse();
            assertThat(r.outcome()).isEqualTo(Outcome.PROTOCOL_ERROR);
            assertThat(r.detail()).contains("MailWizard stopped it before it left");
        }
    }

    @Test
    void pop3Xoauth2GoesInTwoLines() {
        try (var server = ScriptedPop3Server.start(MailboxBehaviour.implicit(GOOD_CERT.serverContext(), USER, TOKEN).offeringSasl("PLAIN", "XOAUTH2"))) {
            ProbeResult r = probe(server, Protocol.POP3, TOKEN);
            assertThat(r.login().result()).as(r.login().detail()).isEqualTo(LoginStatus.OK);
            assertThat(r.login().mechanism()).isEqualTo("XOAUTH2");
            int auth = lines(server).indexOf("AUTH XOAUTH2");
            assertThat(auth).isNotNegative();
            assertThat(decodedLine(server, auth + 1)).isEqualTo("user=" + USER + "^Aauth=Bearer " + TOKEN + "^A^A");
            assertThat(sentLoginOrPlain(server)).isFalse();
        }
    }

    @Test
    void pop3RefusalIsReadFromTheServersAnswerAfterTheChallenge() {
        // Angus takes the error challenge for a success and sends STAT as its answer; the server refuses that.
        try (var server = ScriptedPop3Server.start(MailboxBehaviour.implicit(GOOD_CERT.serverContext(), USER, TOKEN).offeringSasl("XOAUTH2"))) {
            ProbeResult r = probe(server, Protocol.POP3, OTHER_TOKEN);
            assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.LOGIN_REJECTED);
            assertThat(r.login().refusal().diagnosis()).isEqualTo(LoginDiagnosis.TOKEN_REJECTED);
            assertThat(r.login().reply()).isEqualTo("-ERR [AUTH] Invalid credentials");
            int auth = lines(server).indexOf("AUTH XOAUTH2");
            assertThat(lines(server).subList(auth + 2, lines(server).size())).startsWith("STAT");
            assertThat(server.authAttempts()).isEqualTo(1);
        }
    }

    @Test
    void pop3OfferingOnlyOauthBearerIsNotTried() {
        try (var server = ScriptedPop3Server.start(MailboxBehaviour.implicit(GOOD_CERT.serverContext(), USER, TOKEN).offeringSasl("OAUTHBEARER"))) {
            ProbeResult r = probe(server, Protocol.POP3, TOKEN);
            assertThat(r.outcome()).isEqualTo(Outcome.LOGIN_UNAVAILABLE);
            assertThat(r.detail()).contains("only as OAUTHBEARER", "cannot send over POP3");
            assertThat(server.authAttempts()).isZero();
            assertThat(sentLoginOrPlain(server)).isFalse();
        }
    }
}
