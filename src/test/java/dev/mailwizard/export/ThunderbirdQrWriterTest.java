package dev.mailwizard.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.mailwizard.export.ExportFixtures.server;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The phone's QR code as Thunderbird for Android would scan it: each PNG is decoded with ZXing, the
 * text read from it must be the .txt file's payload, and that payload must pass the validator.
 */
class ThunderbirdQrWriterTest {
    private static final ThunderbirdQrWriter WRITER = new ThunderbirdQrWriter();

    /** The files, after checking that the picture scans to exactly the text file's payload and that it follows the format. */
    private static Scanned scan(ExportResult r) {
        assertThat(r).as(String.valueOf(r)).isInstanceOf(ExportResult.Written.class);
        ExportResult.Written w = (ExportResult.Written) r;
        assertThat(w.files()).extracting(ExportFile::name).containsExactly(ThunderbirdQrWriter.PNG, ThunderbirdQrWriter.TXT);
        ExportFile png = w.files().get(0);
        ExportFile txt = w.files().get(1);
        QrCodes.Scan scan = QrCodes.decode(png.content());
        assertThat(scan.text() + "\n").isEqualTo(txt.text());
        assertThat(scan.text().chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
        assertThat(ThunderbirdQrValidator.problems(scan.text())).isEmpty();
        assertThat(png.holdsPassword()).isEqualTo(txt.holdsPassword());
        return new Scanned(scan, png, w.notes());
    }

    private record Scanned(QrCodes.Scan scan, ExportFile png, List<String> notes) {
        String payload() {
            return scan.text();
        }

        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(scan.text());
        }
    }

    private static String refusal(ExportResult r) {
        assertThat(r).as(String.valueOf(r)).isInstanceOf(ExportResult.Refused.class);
        return ((ExportResult.Refused) r).reason();
    }

    @Test
    void aPasswordAccountScansToItsBestServersWithoutThePassword() {
        Scanned s = scan(WRITER.write(ExportInput.of(ExportFixtures.implicitTls())));
        assertThat(s.payload()).isEqualTo("[1,[1,1],[0,\"imap.example.test\",993,3,1,\"alice@example.test\"],"
                + "[[[0,\"smtp.example.test\",465,3,1,\"alice@example.test\"],[\"alice@example.test\",\"Alice Example\"]]]]");
        assertThat(s.png().holdsPassword()).isFalse();
        assertThat(s.notes()).containsExactly("the code holds one account with one incoming and one outgoing server, as the phone keeps them:"
                + " IMAP imap.example.test port 993 (SSL/TLS) and SMTP smtp.example.test port 465 (SSL/TLS)");
    }

    @Test
    void aStarttlsAccountGetsSecurityTwoAndItsOwnLoginName() {
        Scanned s = scan(WRITER.write(ExportInput.of(ExportFixtures.starttlsOnly())));
        assertThat(s.payload()).isEqualTo("[1,[1,1],[0,\"mail.example.test\",143,2,1,\"bob\"],"
                + "[[[0,\"mail.example.test\",587,2,1,\"bob\"],[\"bob@example.test\",\"\"]]]]");
        assertThat(s.notes()).isEmpty();
    }

    @Test
    void thePictureIsMadeToBeReadFromAScreen() {
        Scanned s = scan(WRITER.write(ExportInput.of(ExportFixtures.implicitTls())));
        assertThat(s.scan().errorCorrection()).isEqualTo("M");
        BufferedImage image = QrCodes.image(s.png().content());
        assertThat(image.getWidth()).isEqualTo(image.getHeight());
        // 8 pixels per module, 4 modules of quiet zone: a version 9 code (53 modules) makes 61 x 8 pixels.
        assertThat(image.getWidth()).isEqualTo((53 + 2 * 4) * 8);
        for (int i = 0; i < image.getWidth(); i++) {
            for (int q = 0; q < 32; q++) {
                assertThat(image.getRGB(i, q) & 0xffffff).as("quiet zone at %d,%d", i, q).isEqualTo(0xffffff);
                assertThat(image.getRGB(q, i) & 0xffffff).as("quiet zone at %d,%d", q, i).isEqualTo(0xffffff);
            }
        }
        // The finder pattern's corner: its first module is a solid 8 x 8 black square.
        for (int y = 32; y < 40; y++) {
            for (int x = 32; x < 40; x++) {
                assertThat(image.getRGB(x, y) & 0xffffff).isZero();
            }
        }
    }

    @Test
    void anOAuth2AccountSignsInWithTypeSixAndNeverCarriesAPassword() throws Exception {
        JsonNode report = ExportFixtures.oauth2Report();
        ExportInput input = ExportInput.of(ReportProfiles.from(report, "Alice Example")).withReport(report).withPassword("not-for-oauth2");
        Scanned s = scan(WRITER.write(input));
        assertThat(s.payload()).isEqualTo("[1,[1,1],[0,\"outlook.office365.com\",993,3,6,\"alice.mailwizard@outlook.com\"],"
                + "[[[0,\"smtp-mail.outlook.com\",587,2,6,\"alice.mailwizard@outlook.com\"],"
                + "[\"alice.mailwizard@outlook.com\",\"Alice Example\"]]]]");
        assertThat(s.png().holdsPassword()).isFalse();
        assertThat(s.notes()).anyMatch(n -> n.startsWith("no password written: these servers sign in with OAuth2"));
    }

    @Test
    void oauth2ToAServerTheAppHasNoRegistrationForIsRefusedWithTheReason() {
        AccountProfile p = new AccountProfile(EmailAddress.parse("carol@example.org"), "",
                List.of(new ServerSetting(new dev.mailwizard.model.Endpoint(Protocol.SMTP, "smtp.example.org", 465, Security.TLS), "carol@example.org",
                        "XOAUTH2", dev.mailwizard.model.AuthMethod.OAUTH2)),
                List.of(server(Protocol.IMAP, "imap.example.org", 993, Security.TLS, "carol@example.org", null)), true);
        assertThat(refusal(WRITER.write(ExportInput.of(p)))).startsWith("no outgoing server this format can carry: left out SMTP smtp.example.org port 465")
                .contains("Thunderbird for Android signs in with OAuth2 only to the servers it has its own registration for")
                .contains("smtp.example.org is not one of them");
    }

    @Test
    void anInternationalDomainIsWrittenInAsciiForHostsAndAddress() {
        AccountProfile p = new AccountProfile(EmailAddress.parse("anna@b\u00fccher.example"), "Anna M\u00fcller",
                List.of(server(Protocol.SMTP, "smtp.b\u00fccher.example", 465, Security.TLS, "anna@b\u00fccher.example", null)),
                List.of(server(Protocol.POP3, "pop.b\u00fccher.example", 995, Security.TLS, "anna", null)), true);
        Scanned s = scan(WRITER.write(ExportInput.of(p)));
        assertThat(s.payload()).isEqualTo("[1,[1,1],[1,\"pop.xn--bcher-kva.example\",995,3,1,\"anna\"],"
                + "[[[0,\"smtp.xn--bcher-kva.example\",465,3,1,\"anna@b\\u00FCcher.example\"],"
                + "[\"anna@xn--bcher-kva.example\",\"Anna M\\u00FCller\"]]]]");
        assertThat(s.notes()).contains("the address is written with its domain in ASCII form, anna@xn--bcher-kva.example, which is the same mailbox");
    }

    @Test
    void anAddressThatIsNotAsciiIsRefusedWithTheReason() {
        AccountProfile p = new AccountProfile(EmailAddress.parse("j\u00f6rg@example.test"), "",
                List.of(server(Protocol.SMTP, "smtp.example.test", 465, Security.TLS, "j\u00f6rg@example.test", null)),
                List.of(server(Protocol.IMAP, "imap.example.test", 993, Security.TLS, "j\u00f6rg@example.test", null)), true);
        assertThat(refusal(WRITER.write(ExportInput.of(p))))
                .isEqualTo("the address j\u00f6rg@example.test has characters outside ASCII, and Thunderbird for Android's QR code format"
                        + " (version 1) allows only ASCII addresses; add this account on the phone by hand");
    }

    @Test
    void anAccountWithOnlyPlainServersIsRefused() {
        AccountProfile plain = new AccountProfile(EmailAddress.parse("dave@example.test"), "",
                List.of(server(Protocol.SMTP, "smtp.example.test", 25, Security.PLAIN, "dave@example.test", null)),
                List.of(server(Protocol.IMAP, "imap.example.test", 143, Security.PLAIN, "dave@example.test", null)), false);
        assertThat(refusal(WRITER.write(ExportInput.of(plain)))).isEqualTo("no outgoing server this format can carry: left out SMTP"
                + " smtp.example.test port 25 (none (unencrypted)): it is unencrypted, and MailWizard writes only encrypted settings"
                + " (the password would be readable on the network)");
    }

    @Test
    void aPlainAlternativeIsLeftOutAndTheEncryptedOneWritten() {
        AccountProfile p = new AccountProfile(EmailAddress.parse("dave@example.test"), "",
                List.of(server(Protocol.SMTP, "smtp.example.test", 25, Security.PLAIN, "dave@example.test", null),
                        server(Protocol.SMTP, "smtp.example.test", 587, Security.STARTTLS, "dave@example.test", null)),
                List.of(server(Protocol.IMAP, "imap.example.test", 993, Security.TLS, "dave@example.test", null)), true);
        Scanned s = scan(WRITER.write(ExportInput.of(p)));
        assertThat(s.payload()).contains("[0,\"smtp.example.test\",587,2,1,").doesNotContain(",25,");
        assertThat(s.notes()).anyMatch(n -> n.startsWith("left out SMTP smtp.example.test port 25") && n.contains("unencrypted"));
    }

    @Test
    void withoutAnIncomingServerThereIsNoAccountToImport() {
        AccountProfile smtpOnly = new AccountProfile(EmailAddress.parse("erin@example.test"), "",
                List.of(server(Protocol.SMTP, "smtp.example.test", 465, Security.TLS, "erin@example.test", null)), List.of(), true);
        assertThat(refusal(WRITER.write(ExportInput.of(smtpOnly)))).startsWith("Thunderbird for Android imports an account only with its incoming server;")
                .contains("--incoming");
    }

    @Test
    void includePasswordPutsItIntoBothServersWithAWarning() throws Exception {
        String secret = "p\u00e4ss \"quoted\" \\ back/slash";
        Scanned s = scan(WRITER.write(ExportInput.of(ExportFixtures.implicitTls()).withPassword(secret)));
        assertThat(s.payload()).isEqualTo("[1,[1,1],[0,\"imap.example.test\",993,3,1,\"alice@example.test\",\"\","
                + "\"p\\u00E4ss \\\"quoted\\\" \\\\ back/slash\"],[[[0,\"smtp.example.test\",465,3,1,\"alice@example.test\","
                + "\"p\\u00E4ss \\\"quoted\\\" \\\\ back/slash\"],[\"alice@example.test\",\"Alice Example\"]]]]");
        // What the phone reads back is the password itself, in the places the format gives it.
        assertThat(s.json().get(2).get(7).asText()).isEqualTo(secret);
        assertThat(s.json().get(3).get(0).get(0).get(6).asText()).isEqualTo(secret);
        assertThat(s.png().holdsPassword()).isTrue();
        assertThat(s.notes()).contains("the code holds the password: anyone who sees the code, or a photo of it, can read the password;"
                + " delete the picture once the phone has scanned it");
        assertThat(s.notes()).noneMatch(n -> n.contains("p\u00e4ss"));
    }

    @Test
    void aPasswordWithALineBreakIsRefusedRatherThanWrittenWhereTheAppWouldRejectIt() {
        String reason = refusal(WRITER.write(ExportInput.of(ExportFixtures.implicitTls()).withPassword("line\nbreak")));
        assertThat(reason).contains("the password has a line break").doesNotContain("line\nbreak");
    }

    @Test
    void aCramMd5LoginIsTheEncryptedPasswordType() {
        AccountProfile p = new AccountProfile(EmailAddress.parse("gil@example.test"), "",
                List.of(server(Protocol.SMTP, "smtp.example.test", 465, Security.TLS, "gil", "CRAM-MD5")),
                List.of(server(Protocol.IMAP, "imap.example.test", 993, Security.TLS, "gil", "PLAIN")), true);
        assertThat(scan(WRITER.write(ExportInput.of(p))).payload()).contains("[0,\"imap.example.test\",993,3,1,\"gil\"]")
                .contains("[0,\"smtp.example.test\",465,3,2,\"gil\"]");
    }

    @Test
    void aHostileDisplayNameStaysOneJsonStringOnOneLine() throws Exception {
        AccountProfile p = new AccountProfile(EmailAddress.parse("frank@example.test"), "Zo\u00eb \"the\"\n\"],[\"x\u2028y",
                List.of(server(Protocol.SMTP, "smtp.example.test", 465, Security.TLS, "frank@example.test", null)),
                List.of(server(Protocol.IMAP, "imap.example.test", 993, Security.TLS, "frank@example.test", null)), true);
        Scanned s = scan(WRITER.write(ExportInput.of(p)));
        assertThat(s.json().get(3).get(0).get(1).get(1).asText()).isEqualTo("Zo\u00eb \"the\" \"],[\"x\u2028y");
        assertThat(s.json().size()).isEqualTo(4);
    }

    @Test
    void aLoginNameWithALineBreakIsLeftOut() {
        AccountProfile p = new AccountProfile(EmailAddress.parse("hal@example.test"), "",
                List.of(server(Protocol.SMTP, "smtp.example.test", 465, Security.TLS, "hal\r\nx", null)),
                List.of(server(Protocol.IMAP, "imap.example.test", 993, Security.TLS, "hal", null)), true);
        assertThat(refusal(WRITER.write(ExportInput.of(p)))).contains("its login name has a line break, which Thunderbird for Android rejects");
    }

    @Test
    void theTextFileIsAsciiWithOneLineBreakAtTheEnd() {
        ExportResult.Written w = (ExportResult.Written) WRITER.write(ExportInput.of(ExportFixtures.implicitTls()));
        byte[] txt = w.files().get(1).content();
        assertThat(new String(txt, StandardCharsets.US_ASCII).lines()).hasSize(1);
        assertThat(txt[txt.length - 1]).isEqualTo((byte) '\n');
        assertThat(w.files().get(0).image()).isTrue();
        assertThat(w.files().get(1).image()).isFalse();
    }
}
