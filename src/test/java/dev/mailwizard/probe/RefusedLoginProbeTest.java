package dev.mailwizard.probe;

import static dev.mailwizard.probe.ProbeHarness.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.demo.MailboxBehaviour;
import dev.mailwizard.demo.ScriptedImapServer;
import dev.mailwizard.demo.ScriptedPop3Server;
import dev.mailwizard.demo.ScriptedServer;
import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.demo.ServerBehaviour;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.LoginDiagnosis;
import dev.mailwizard.model.Outcome;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Providers' real refusals (issue 14, verbatim), replayed by scripted servers under the
 * providers' names: the probe's diagnosis, the one attempt the server saw, and the raw reply kept.
 */
class RefusedLoginProbeTest {
    private static ProbeResult smtp(String host, String... authReply) {
        ServerBehaviour b = ServerBehaviour.builder().implicitTls(PKI.issue(host).serverContext()).user(USER, PASSWORD).answerAuthWith(authReply).build();
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start(b)) {
            return run(server, new Endpoint(Protocol.SMTP, host, server.port(), Security.TLS));
        }
    }

    private static ProbeResult imap(String host, String... loginReply) {
        MailboxBehaviour b = MailboxBehaviour.implicit(PKI.issue(host).serverContext(), USER, PASSWORD).answeringLoginWith(loginReply);
        try (ScriptedImapServer server = ScriptedImapServer.start(b)) {
            return run(server, new Endpoint(Protocol.IMAP, host, server.port(), Security.TLS));
        }
    }

    private static ProbeResult pop3(String host, String... passReply) {
        MailboxBehaviour b = MailboxBehaviour.implicit(PKI.issue(host).serverContext(), USER, PASSWORD).answeringLoginWith(passReply);
        try (ScriptedPop3Server server = ScriptedPop3Server.start(b)) {
            return run(server, new Endpoint(Protocol.POP3, host, server.port(), Security.TLS));
        }
    }

    /** One probe with the right password (the scripted refusal comes whatever it is); exactly one attempt must reach the server. */
    private static ProbeResult run(ScriptedServer server, Endpoint e) {
        ProbeResult r = new ProbeRun(List.of(new PlannedProbe(e, true)), options(Duration.ofSeconds(5), PASSWORD), trust(), loopback(e.host()),
                ProbeListener.NONE).execute().get(0);
        assertThat(server.authAttempts()).as("attempts at " + e).isEqualTo(1);
        return r;
    }

    private static void assertDiagnosis(ProbeResult r, LoginDiagnosis expected) {
        assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.LOGIN_REJECTED);
        assertThat(r.login().result()).isEqualTo(LoginStatus.REJECTED);
        assertThat(r.login().refusal()).as(r.login().reply()).isNotNull();
        assertThat(r.login().refusal().diagnosis()).as(r.login().reply()).isEqualTo(expected);
        assertThat(r.login().refusal().advice()).isNotBlank();
    }

    @Test
    void gmailSmtp() {
        ProbeResult app = smtp("smtp.gmail.com", "534-5.7.9 Application-specific password required. Learn more at",
                "534 5.7.9 https://support.google.com/mail/?p=InvalidSecondFactor ... - gsmtp");
        assertDiagnosis(app, LoginDiagnosis.APP_PASSWORD_REQUIRED);
        assertThat(app.login().reply()).isEqualTo("534-5.7.9 Application-specific password required. Learn more at"
                + " / 534 5.7.9 https://support.google.com/mail/?p=InvalidSecondFactor ... - gsmtp");
        assertThat(app.login().refusal().helpUrl()).isEqualTo("https://support.google.com/mail/?p=InvalidSecondFactor");
        ProbeResult wrong = smtp("smtp.gmail.com", "535-5.7.8 Username and Password not accepted. Learn more at",
                "535 5.7.8 https://support.google.com/mail/answer/14257 ... - gsmtp");
        assertDiagnosis(wrong, LoginDiagnosis.CREDENTIALS_WRONG);
        assertThat(wrong.login().refusal().helpUrl()).isEqualTo("https://support.google.com/mail/answer/14257");
    }

    @Test
    void gmailImap() {
        ProbeResult app = imap("imap.gmail.com", "NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)");
        assertDiagnosis(app, LoginDiagnosis.APP_PASSWORD_REQUIRED);
        assertThat(app.login().refusal().helpUrl()).isEqualTo("https://support.google.com/accounts/answer/185833");
        assertDiagnosis(imap("imap.gmail.com", "NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)"), LoginDiagnosis.CREDENTIALS_WRONG);
        ProbeResult web = imap("imap.gmail.com", "NO [WEBALERT https://...] Web login required.");
        assertDiagnosis(web, LoginDiagnosis.WEB_LOGIN_REQUIRED);
        assertThat(web.login().refusal().helpUrl()).isEqualTo("https://support.google.com/mail/accounts/answer/78754");
        assertDiagnosis(imap("imap.gmail.com", "NO [ALERT] Please log in via your web browser: https://support.google.com/mail/accounts/answer/78754 (Failure)"),
                LoginDiagnosis.WEB_LOGIN_REQUIRED);
    }

    @Test
    void microsoftSmtp() {
        assertDiagnosis(smtp("smtp.office365.com",
                "535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [BM1P287CA0015.INDP287.PROD.OUTLOOK.COM]"),
                LoginDiagnosis.BASIC_AUTH_DISABLED);
        ProbeResult tenant = smtp("smtp.office365.com",
                "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.");
        assertDiagnosis(tenant, LoginDiagnosis.AUTH_DISABLED_BY_ADMIN);
        assertThat(tenant.login().refusal().helpUrl()).isEqualTo("https://aka.ms/smtp_auth_disabled");
        assertDiagnosis(smtp("smtp.office365.com", "550 5.7.30 Basic authentication is not supported for Client Submission."),
                LoginDiagnosis.BASIC_AUTH_DISABLED);
        assertDiagnosis(smtp("smtp.office365.com", "535 5.7.3 Authentication unsuccessful [SG2PR06CA0186.apcprd06.prod.outlook.com]"),
                LoginDiagnosis.CREDENTIALS_WRONG);
    }

    @Test
    void microsoftImap() {
        ProbeResult basic = imap("outlook.office365.com", "NO Basic authentication is disabled.", "* BYE Microsoft Exchange Server IMAP4 server signing off.");
        assertDiagnosis(basic, LoginDiagnosis.BASIC_AUTH_DISABLED);
        assertThat(basic.login().refusal().helpUrl()).startsWith("https://learn.microsoft.com/");
        assertDiagnosis(imap("outlook.office365.com", "NO LOGIN failed."), LoginDiagnosis.CREDENTIALS_WRONG);
    }

    @Test
    void yahooAndAol() {
        assertDiagnosis(smtp("smtp.mail.yahoo.com", "535 5.7.0 (#AUTH005) Too many bad auth attempts."), LoginDiagnosis.TOO_MANY_ATTEMPTS);
        ProbeResult yahoo = imap("imap.mail.yahoo.com", "NO [AUTHENTICATIONFAILED] LOGIN Invalid credentials");
        assertDiagnosis(yahoo, LoginDiagnosis.CREDENTIALS_WRONG);
        assertThat(yahoo.login().refusal().advice()).startsWith("Yahoo accepts only an app password");
        ProbeResult aol = imap("imap.aol.com", "NO [AUTHENTICATIONFAILED] LOGIN Invalid credentials");
        assertDiagnosis(aol, LoginDiagnosis.CREDENTIALS_WRONG);
        assertThat(aol.login().refusal().helpUrl()).startsWith("https://help.aol.com/");
    }

    @Test
    void temporaryFailureIsNotRetried() {
        ProbeResult r = smtp(HOST, "454 4.7.0 Temporary authentication failure");
        assertDiagnosis(r, LoginDiagnosis.TEMPORARY);
        assertThat(r.detail()).contains("454 4.7.0 Temporary authentication failure", "nothing was retried");
    }

    @Test
    void pop3ResponseCodes() {
        assertDiagnosis(pop3(HOST, "-ERR [AUTH] Invalid login or password"), LoginDiagnosis.CREDENTIALS_WRONG);
        assertDiagnosis(pop3(HOST, "-ERR [SYS/TEMP] Authentication service unavailable, try again later"), LoginDiagnosis.TEMPORARY);
    }

    @Test
    void aByeInsteadOfANoIsARefusalToo() {
        ProbeResult r = imap("outlook.office365.com", "* BYE Basic authentication is disabled.");
        assertDiagnosis(r, LoginDiagnosis.BASIC_AUTH_DISABLED);
        assertThat(r.login().reply()).isEqualTo("* BYE Basic authentication is disabled.");
        assertThat(r.credentialsSent()).isTrue();
    }
}
