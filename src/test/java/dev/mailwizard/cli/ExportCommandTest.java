package dev.mailwizard.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code mailwizard export} end to end: what lands on disk, what is printed, the exit code. */
class ExportCommandTest {
    @TempDir
    Path dir;

    private Path report() throws IOException {
        Path r = dir.resolve("alice.json");
        try (var in = getClass().getResourceAsStream("/export/report-input.json")) {
            Files.write(r, in.readAllBytes());
        }
        return r;
    }

    private String[] files(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void allFormatsFromAReportAreWrittenPrivately() throws IOException {
        Path out = dir.resolve("out");
        CliHarness.Result r = CliHarness.run("", "export", "--from", report().toString(), "--format", "all", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(files(out)).containsExactly("alice@mailwizard.test.mobileconfig", "application.properties", "autodiscover.xml",
                "config-v1.1.xml", "gitconfig-sendemail", "mail.properties", "mailtransports", "mailwizard-alice-mailwizard-test-smtp.source",
                "msmtprc", "neomuttrc", "postfix-relay.txt", "report.html", "report.md", "thunderbird-android-qr.png", "thunderbird-android-qr.txt", "user.js");
        for (String f : files(out)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(f)))).as(f).isEqualTo("rw-------");
        }
        assertThat(r.out()).contains("16 files written").contains("msmtp").contains(out.resolve("msmtprc").toString());
        assertThat(Files.readString(out.resolve("msmtprc"))).contains("host mail.mailwizard.test").contains("port 465");
    }

    @Test
    void anExistingFileStopsEverythingUnlessForced() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("neomuttrc"), "mine");
        CliHarness.Result r = CliHarness.run("", "export", "--from", report().toString(), "--format", "msmtp,neomutt", "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("neomuttrc' already exists").contains("nothing was written").contains("--force");
        assertThat(files(out)).containsExactly("neomuttrc");
        assertThat(Files.readString(out.resolve("neomuttrc"))).isEqualTo("mine");

        CliHarness.Result forced = CliHarness.run("", "export", "--from", report().toString(), "--format", "msmtp,neomutt", "--out", out.toString(), "--force");
        assertThat(forced.exitCode()).isZero();
        assertThat(Files.readString(out.resolve("neomuttrc"))).contains("smtps://");
    }

    @Test
    void thePasswordComesFromStdinAndOnlyWithIncludePassword() throws IOException {
        Path out = dir.resolve("out");
        CliHarness.Result r = CliHarness.run("Tr0ub4dor&3\n", "export", "--from", report().toString(), "--format", "msmtp,thunderbird",
                "--out", out.toString(), "--include-password");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(out.resolve("msmtprc"))).contains("password \"Tr0ub4dor&3\"");
        assertThat(Files.readString(out.resolve("config-v1.1.xml"))).doesNotContain("Tr0ub4dor");
        assertThat(r.out()).contains("(holds the password)").doesNotContain("Tr0ub4dor");

        Path out2 = dir.resolve("out2");
        CliHarness.Result noFlag = CliHarness.run("Tr0ub4dor&3\n", "export", "--from", report().toString(), "--format", "msmtp", "--out", out2.toString());
        assertThat(Files.readString(out2.resolve("msmtprc"))).doesNotContain("Tr0ub4dor").contains("passwordeval");
        assertThat(noFlag.exitCode()).isZero();
    }

    @Test
    void settingsGivenByHandNeedNoReportAndAreMarkedUntested() throws IOException {
        Path out = dir.resolve("out");
        CliHarness.Result r = CliHarness.run("", "export", "--address", "bob@example.test", "--host", "smtp.example.test", "--security", "starttls",
                "--imap-host", "imap.example.test", "--imap-security", "tls", "--name", "Bob", "--format", "git,thunderbird", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(out.resolve("gitconfig-sendemail"))).contains("smtpServerPort = 587").contains("smtpEncryption = tls")
                .contains("not tested by MailWizard").contains("from = \"Bob <bob@example.test>\"");
        assertThat(Files.readString(out.resolve("config-v1.1.xml"))).contains("<port>993</port>").contains("<socketType>SSL</socketType>");
    }

    @Test
    void aRefusedFormatIsExplainedTheOthersAreWrittenAndTheExitCodeSaysSo() throws IOException {
        Path out = dir.resolve("out");
        CliHarness.Result r = CliHarness.run("", "export", "--address", "bob@example.test", "--host", "smtp.example.test", "--port", "2525",
                "--security", "starttls", "--format", "apple,msmtp", "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("apple not written").contains("port 2525 is not a standard SMTP port for STARTTLS");
        assertThat(files(out)).containsExactly("msmtprc");
    }

    @Test
    void badInputNamesTheValueAndTheFixAndWritesNothing() throws IOException {
        Path out = dir.resolve("out");
        assertUsage(CliHarness.run("", "export", "--from", report().toString(), "--format", "thunderbrd", "--out", out.toString()),
                "--format 'thunderbrd' is not a format: use one of thunderbird");
        assertUsage(CliHarness.run("", "export", "--from", dir.resolve("missing.json").toString(), "--format", "msmtp", "--out", out.toString()),
                "missing.json' does not exist");
        Path notJson = Files.writeString(dir.resolve("x.json"), "{ nope");
        assertUsage(CliHarness.run("", "export", "--from", notJson.toString(), "--format", "msmtp", "--out", out.toString()), "is not JSON");
        assertUsage(CliHarness.run("", "export", "--address", "bob@", "--host", "h.example", "--security", "tls", "--format", "msmtp", "--out", out.toString()),
                "'bob@' has no domain");
        assertUsage(CliHarness.run("", "export", "--address", "bob@example.test", "--host", "h.example", "--port", "2525", "--format", "msmtp",
                "--out", out.toString()), "--port 2525 is not a standard SMTP port: say --security tls or starttls");
        assertUsage(CliHarness.run("", "export", "--from", report().toString(), "--host", "x.example", "--format", "msmtp", "--out", out.toString()),
                "--from takes the settings from the report");
        assertUsage(CliHarness.run("", "export", "--from", report().toString(), "--format", "msmtp", "--out", out.toString(), "--include-password"),
                "--include-password: standard input is empty");
        assertUsage(CliHarness.run("", "export", "--from", report().toString(), "--format", "msmtp", "--out", out.toString(), "--sign-cert", "c.pem"),
                "--sign-cert and --sign-key go together");
        Path file = Files.writeString(dir.resolve("a-file"), "");
        assertUsage(CliHarness.run("", "export", "--from", report().toString(), "--format", "msmtp", "--out", file.toString()), "is a file, not a folder");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void anOAuth2ReportGetsEachClientsOwnSignInAndTheFormatsThatHaveNoneSayWhy() throws IOException {
        Path from = dir.resolve("outlook.json");
        try (var in = getClass().getResourceAsStream("/export/report-input-oauth2.json")) {
            Files.write(from, in.readAllBytes());
        }
        Path out = dir.resolve("out");
        CliHarness.Result r = CliHarness.run("", "export", "--from", from.toString(), "--format", "all", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err().lines()).containsExactly(
                "mailwizard export: apple not written: no outgoing server this format can carry: left out SMTP smtp-mail.outlook.com port 587"
                        + " (STARTTLS): an Apple mail profile has no OAuth2 setting (its logins are none, password, CRAM-MD5, NTLM and HTTP MD5);"
                        + " add the account in Settings > Mail > Accounts, where Apple signs in to Google, Microsoft and Yahoo itself",
                "mailwizard export: outlook not written: no outgoing server this format can carry: left out SMTP smtp-mail.outlook.com port 587"
                        + " (STARTTLS): an Autodiscover response has no way to say OAuth2 for IMAP, POP3 or SMTP; Outlook signs in to Microsoft 365,"
                        + " Outlook.com and Gmail with the provider's own page when you add the account by its address, without this file",
                "mailwizard export: postfix not written: no outgoing server this format can carry: left out SMTP smtp-mail.outlook.com port 587"
                        + " (STARTTLS): Postfix's SMTP client logs in through Cyrus SASL, which has no XOAUTH2 or OAUTHBEARER without a third-party"
                        + " plugin that keeps its own refresh token; let Postfix hand mail to msmtp instead (format msmtp)");
        assertThat(Files.readString(out.resolve("msmtprc"))).contains("auth xoauth2\n")
                .contains("passwordeval \"mailwizard oauth2 token alice.mailwizard@outlook.com\"\n");
        assertThat(Files.readString(out.resolve("user.js"))).contains("authMethod\", 10);");

        CliHarness.Result withPassword = CliHarness.run("app-pass\n", "export", "--from", from.toString(), "--format", "msmtp",
                "--out", dir.resolve("out2").toString(), "--include-password");
        assertUsage(withPassword, "--include-password: alice.mailwizard@outlook.com signs in with OAuth2, which has no password to write");
        assertThat(Files.exists(dir.resolve("out2"))).isFalse();
    }

    @Test
    void settingsGivenByHandSayHowTheAccountSignsIn() throws IOException {
        Path out = dir.resolve("out");
        CliHarness.Result r = CliHarness.run("", "export", "--address", "carol@gmail.com", "--host", "smtp.gmail.com", "--security", "tls",
                "--imap-host", "imap.gmail.com", "--imap-security", "tls", "--auth", "oauth2", "--format", "msmtp,thunderbird", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(out.resolve("msmtprc"))).contains("auth xoauth2\n").contains("not tested by MailWizard");
        assertThat(Files.readString(out.resolve("config-v1.1.xml"))).contains("<authentication>OAuth2</authentication>");

        Path out2 = dir.resolve("out2");
        CliHarness.Result app = CliHarness.run("", "export", "--address", "carol@gmail.com", "--host", "smtp.gmail.com", "--security", "tls",
                "--auth", "app-password", "--format", "msmtp", "--out", out2.toString());
        assertThat(app.exitCode()).as(app.err()).isZero();
        assertThat(Files.readString(out2.resolve("msmtprc"))).contains("auth on\n")
                .contains("# Your mail provider does not accept your normal password from mail programs: use an app password\n");

        assertUsage(CliHarness.run("", "export", "--address", "carol@gmail.com", "--host", "smtp.gmail.com", "--security", "tls",
                "--auth", "smoke-signals", "--format", "msmtp", "--out", out.toString()), "--auth 'smoke-signals' is not a way to sign in: use oauth2, password or app-password");
        assertUsage(CliHarness.run("", "export", "--from", report().toString(), "--auth", "oauth2", "--format", "msmtp", "--out", out.toString()),
                "--from takes the settings from the report: leave out --address, --host, --port, --security, --user, --auth");
    }

    private static void assertUsage(CliHarness.Result r, String message) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void aReportCanBePipedIn() throws IOException {
        Path out = dir.resolve("out");
        CliHarness.Result r = CliHarness.run(Files.readString(report()), "export", "--from", "-", "--format", "report", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(out.resolve("report.html"))).startsWith("<!DOCTYPE html>").contains("alice@mailwizard.test")
                .doesNotContain("<script>").doesNotContain("<link").doesNotContain("src=");
    }

    /** Found by ExportFromFuzzTest: each of these was an internal error, a Java name or raw control characters. */
    @Test
    void aBrokenReportIsBadInputInWords() throws IOException {
        Path out = dir.resolve("out");
        Path deep = Files.writeString(dir.resolve("deep.json"), "[".repeat(3000) + "]".repeat(3000));
        assertUsage(CliHarness.run("", "export", "--from", deep.toString(), "--format", "msmtp", "--out", out.toString()),
                "is nested too deeply or too large for a report");
        Path latin1 = Files.write(dir.resolve("latin1.json"), new byte[]{'{', '"', (byte) 0xE9, '"', ':', '1', '}'});
        assertUsage(CliHarness.run("", "export", "--from", latin1.toString(), "--format", "msmtp", "--out", out.toString()), "is not JSON (line 1)");
        Path ftp = Files.writeString(dir.resolve("ftp.json"), "{\"schemaVersion\":1,\"address\":\"bob@example.test\","
                + "\"recommended\":{\"protocol\":\"FTP\",\"host\":\"smtp.example.test\",\"port\":465,\"security\":\"TLS\"}}");
        CliHarness.Result r = CliHarness.run("", "export", "--from", ftp.toString(), "--format", "msmtp", "--out", out.toString());
        assertUsage(r, "the report names a server whose protocol is 'FTP', not one of SMTP, IMAP, POP3");
        assertThat(r.err()).doesNotContain("dev.mailwizard").doesNotContain("enum");
        Path escape = Files.writeString(dir.resolve("escape.json"), "{\"schemaVersion\":1,\"address\":\"\\u001b[2Jmail.example.test\"}");
        r = CliHarness.run("", "export", "--from", escape.toString(), "--format", "msmtp", "--out", out.toString());
        assertUsage(r, "the report is for '\\x1b[2Jmail.example.test'"); // escaped by model.DisplayText, like all outside text
        assertThat(r.err()).doesNotContain("\u001b");
        assertThat(Files.exists(out)).isFalse();
    }
}
