package dev.mailwizard.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The accounts every export test writes: one whose best server is implicit TLS, one that has only STARTTLS. */
final class ExportFixtures {
    private ExportFixtures() {
    }

    enum Mode { TLS, STARTTLS }

    static AccountProfile profile(Mode mode) {
        return mode == Mode.TLS ? implicitTls() : starttlsOnly();
    }

    /** Best 465, also 587; IMAP 993 then 143; the address is the login. */
    static AccountProfile implicitTls() {
        return new AccountProfile(EmailAddress.parse("alice@example.test"), "Alice Example",
                List.of(server(Protocol.SMTP, "smtp.example.test", 465, Security.TLS, "alice@example.test", "PLAIN"),
                        server(Protocol.SMTP, "smtp.example.test", 587, Security.STARTTLS, "alice@example.test", "PLAIN")),
                List.of(server(Protocol.IMAP, "imap.example.test", 993, Security.TLS, "alice@example.test", "PLAIN"),
                        server(Protocol.IMAP, "imap.example.test", 143, Security.STARTTLS, "alice@example.test", "PLAIN")),
                true);
    }

    /** Only 587 STARTTLS and IMAP 143 STARTTLS; the login is the local part; no login was tried. */
    static AccountProfile starttlsOnly() {
        return new AccountProfile(EmailAddress.parse("bob@example.test"), "",
                List.of(server(Protocol.SMTP, "mail.example.test", 587, Security.STARTTLS, "bob", null)),
                List.of(server(Protocol.IMAP, "mail.example.test", 143, Security.STARTTLS, "bob", null)),
                true);
    }

    static ServerSetting server(Protocol p, String host, int port, Security s, String user, String mechanism) {
        return new ServerSetting(new Endpoint(p, host, port, s), user, mechanism);
    }

    /**
     * An Outlook.com account that signs in with OAuth2 (XOAUTH2) on SMTP 587, IMAP 993 and POP3 995,
     * with the provider's endpoints and help page: made by hand after CONTRACT.md's "Sign-in" fields.
     */
    static JsonNode oauth2Report() {
        return json("/export/report-input-oauth2.json");
    }

    /**
     * Reports from real Postfix/Dovecot runs: everything working (with hostile server text added to
     * one probe), and nothing trusted (the test CA not given), for the report format's two goldens.
     */
    static JsonNode report(Mode mode) {
        return json(mode == Mode.TLS ? "/export/report-input.json" : "/export/report-input-untrusted.json");
    }

    private static JsonNode json(String name) {
        try (InputStream in = ExportFixtures.class.getResourceAsStream(name)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
