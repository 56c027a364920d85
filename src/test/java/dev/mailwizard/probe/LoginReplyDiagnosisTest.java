package dev.mailwizard.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.model.AuthMethod;
import dev.mailwizard.model.LoginDiagnosis;
import dev.mailwizard.model.Protocol;

import org.junit.jupiter.api.Test;

/** The classifier on the providers' real replies (verbatim, issue 14) and on the RFC codes. */
class LoginReplyDiagnosisTest {
    private static LoginDiagnosis read(Protocol p, String reply) {
        return LoginReplyDiagnosis.read(p, "mail.example.test", reply).diagnosis();
    }

    @Test
    void gmailReplies() {
        RefusalDiagnosis app = LoginReplyDiagnosis.read(Protocol.SMTP, "smtp.gmail.com",
                "534-5.7.9 Application-specific password required. Learn more at\n534 5.7.9 https://support.google.com/mail/?p=InvalidSecondFactor ... - gsmtp");
        assertThat(app.diagnosis()).isEqualTo(LoginDiagnosis.APP_PASSWORD_REQUIRED);
        assertThat(app.helpUrl()).isEqualTo("https://support.google.com/mail/?p=InvalidSecondFactor");
        assertThat(app.advice()).startsWith("Gmail needs an app password here");
        RefusalDiagnosis wrong = LoginReplyDiagnosis.read(Protocol.SMTP, "smtp.gmail.com",
                "535-5.7.8 Username and Password not accepted. Learn more at\n535 5.7.8 https://support.google.com/mail/answer/14257 ... - gsmtp");
        assertThat(wrong.diagnosis()).isEqualTo(LoginDiagnosis.CREDENTIALS_WRONG);
        assertThat(wrong.helpUrl()).isEqualTo("https://support.google.com/mail/answer/14257");
        assertThat(read(Protocol.IMAP, "NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)"))
                .isEqualTo(LoginDiagnosis.APP_PASSWORD_REQUIRED);
        assertThat(read(Protocol.IMAP, "NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)")).isEqualTo(LoginDiagnosis.CREDENTIALS_WRONG);
        assertThat(read(Protocol.IMAP, "NO [WEBALERT https://...] Web login required.")).isEqualTo(LoginDiagnosis.WEB_LOGIN_REQUIRED);
        RefusalDiagnosis web = LoginReplyDiagnosis.read(Protocol.IMAP, "imap.gmail.com",
                "NO [ALERT] Please log in via your web browser: https://support.google.com/mail/accounts/answer/78754 (Failure)");
        assertThat(web.diagnosis()).isEqualTo(LoginDiagnosis.WEB_LOGIN_REQUIRED);
        assertThat(web.helpUrl()).isEqualTo("https://support.google.com/mail/accounts/answer/78754");
    }

    @Test
    void microsoftReplies() {
        assertThat(read(Protocol.SMTP, "535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [BM1P287CA0015.INDP287.PROD.OUTLOOK.COM]"))
                .isEqualTo(LoginDiagnosis.BASIC_AUTH_DISABLED);
        RefusalDiagnosis tenant = LoginReplyDiagnosis.read(Protocol.SMTP, "smtp.office365.com",
                "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.");
        assertThat(tenant.diagnosis()).isEqualTo(LoginDiagnosis.AUTH_DISABLED_BY_ADMIN);
        assertThat(tenant.helpUrl()).isEqualTo("https://aka.ms/smtp_auth_disabled");
        assertThat(read(Protocol.SMTP, "550 5.7.30 Basic authentication is not supported for Client Submission.")).isEqualTo(LoginDiagnosis.BASIC_AUTH_DISABLED);
        assertThat(read(Protocol.SMTP, "535 5.7.3 Authentication unsuccessful [SG2PR06CA0186.apcprd06.prod.outlook.com]"))
                .isEqualTo(LoginDiagnosis.CREDENTIALS_WRONG);
        assertThat(read(Protocol.IMAP, "NO Basic authentication is disabled.")).isEqualTo(LoginDiagnosis.BASIC_AUTH_DISABLED);
        assertThat(read(Protocol.IMAP, "NO LOGIN failed.")).isEqualTo(LoginDiagnosis.CREDENTIALS_WRONG);
        // No link in the reply: the provider table gives Microsoft's page.
        assertThat(LoginReplyDiagnosis.read(Protocol.IMAP, "outlook.office365.com", "NO Basic authentication is disabled.").helpUrl())
                .startsWith("https://learn.microsoft.com/");
    }

    @Test
    void yahooAndAolReplies() {
        assertThat(read(Protocol.SMTP, "535 5.7.0 (#AUTH005) Too many bad auth attempts.")).isEqualTo(LoginDiagnosis.TOO_MANY_ATTEMPTS);
        RefusalDiagnosis yahoo = LoginReplyDiagnosis.read(Protocol.IMAP, "imap.mail.yahoo.com", "NO [AUTHENTICATIONFAILED] LOGIN Invalid credentials");
        assertThat(yahoo.diagnosis()).isEqualTo(LoginDiagnosis.CREDENTIALS_WRONG);
        assertThat(yahoo.advice()).startsWith("Yahoo accepts only an app password").contains("Create an app password");
        assertThat(yahoo.helpUrl()).startsWith("https://help.yahoo.com/");
        RefusalDiagnosis aol = LoginReplyDiagnosis.read(Protocol.IMAP, "imap.aol.com", "NO [AUTHENTICATIONFAILED] LOGIN Invalid credentials");
        assertThat(aol.advice()).startsWith("AOL accepts only an app password");
        // The same reply from an unknown server is just a wrong password.
        RefusalDiagnosis other = LoginReplyDiagnosis.read(Protocol.IMAP, "mail.example.test", "NO [AUTHENTICATIONFAILED] LOGIN Invalid credentials");
        assertThat(other.advice()).isEqualTo(LoginDiagnosis.CREDENTIALS_WRONG.advice());
        assertThat(other.helpUrl()).isNull();
    }

    @Test
    void genericCodes() {
        assertThat(read(Protocol.SMTP, "454 4.7.0 Temporary authentication failure")).isEqualTo(LoginDiagnosis.TEMPORARY);
        assertThat(read(Protocol.SMTP, "535 5.7.8 Error: authentication failed")).isEqualTo(LoginDiagnosis.CREDENTIALS_WRONG);
        assertThat(read(Protocol.POP3, "-ERR [AUTH] Authentication failed.")).isEqualTo(LoginDiagnosis.CREDENTIALS_WRONG);
        assertThat(read(Protocol.POP3, "[AUTH] Authentication failed.")).isEqualTo(LoginDiagnosis.CREDENTIALS_WRONG);
        assertThat(read(Protocol.POP3, "-ERR [SYS/TEMP] Authentication server unavailable, try later")).isEqualTo(LoginDiagnosis.TEMPORARY);
        assertThat(read(Protocol.POP3, "-ERR [IN-USE] Mailbox locked by another session")).isEqualTo(LoginDiagnosis.TEMPORARY);
        assertThat(read(Protocol.IMAP, "NO [UNAVAILABLE] User's backend down for maintenance")).isEqualTo(LoginDiagnosis.TEMPORARY);
        assertThat(read(Protocol.IMAP, "NO [CONTACTADMIN] Account disabled")).isEqualTo(LoginDiagnosis.AUTH_DISABLED_BY_ADMIN);
        assertThat(read(Protocol.SMTP, "535 5.7.8 invalid_token")).isEqualTo(LoginDiagnosis.TOKEN_REJECTED);
        assertThat(read(Protocol.SMTP, "554 5.7.1 Go away")).isEqualTo(LoginDiagnosis.UNKNOWN);
        assertThat(read(Protocol.IMAP, "NO nope")).isEqualTo(LoginDiagnosis.UNKNOWN);
        assertThat(read(Protocol.IMAP, null)).isEqualTo(LoginDiagnosis.UNKNOWN);
    }

    @Test
    void onlyLinksToAProvidersHelpSiteCount() {
        assertThat(LoginReplyDiagnosis.helpLink("535 5.7.8 see https://evil.example/login.")).isEmpty();
        assertThat(LoginReplyDiagnosis.helpLink("535 5.7.8 see https://support.google.com.evil.example/x")).isEmpty();
        assertThat(LoginReplyDiagnosis.helpLink("see https://support.google.com/mail/answer/14257.")).contains("https://support.google.com/mail/answer/14257");
    }

    @Test
    void aRefusedTokenIsTokenRejectedUnlessTheReplySaysSomethingMoreSpecific() {
        String gmail = "334 {\"status\":\"400\",\"schemes\":\"Bearer\",\"scope\":\"https://mail.google.com/\"} / 535-5.7.8 Username and Password"
                + " not accepted. Learn more at / 535 5.7.8 https://support.google.com/mail/answer/14257 ... - gsmtp";
        RefusalDiagnosis token = LoginReplyDiagnosis.read(Protocol.SMTP, "smtp.gmail.com", gmail, AuthMethod.OAUTH2);
        assertThat(token.diagnosis()).isEqualTo(LoginDiagnosis.TOKEN_REJECTED);
        assertThat(token.advice()).containsIgnoringCase("sign in again");
        assertThat(LoginReplyDiagnosis.read(Protocol.IMAP, "imap.gmail.com", "+ {\"status\":\"400\"} / [AUTHENTICATIONFAILED] Invalid credentials (Failure)",
                AuthMethod.OAUTH2).diagnosis()).isEqualTo(LoginDiagnosis.TOKEN_REJECTED);
        assertThat(LoginReplyDiagnosis.read(Protocol.SMTP, "smtp.example.test", "454 4.7.0 Temporary authentication failure", AuthMethod.OAUTH2)
                .diagnosis()).isEqualTo(LoginDiagnosis.TEMPORARY);
        assertThat(LoginReplyDiagnosis.read(Protocol.SMTP, "smtp.mail.yahoo.com", "535 5.7.0 (#AUTH005) Too many bad auth attempts.", AuthMethod.OAUTH2)
                .diagnosis()).isEqualTo(LoginDiagnosis.TOO_MANY_ATTEMPTS);
        assertThat(LoginReplyDiagnosis.read(Protocol.SMTP, "smtp.office365.com", "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication"
                + " is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.", AuthMethod.OAUTH2)
                .diagnosis()).isEqualTo(LoginDiagnosis.AUTH_DISABLED_BY_ADMIN);
        // The same Gmail words for a password stay CREDENTIALS_WRONG: the final reply line decides the code.
        assertThat(LoginReplyDiagnosis.read(Protocol.SMTP, "smtp.gmail.com", gmail).diagnosis()).isEqualTo(LoginDiagnosis.CREDENTIALS_WRONG);
    }
}
