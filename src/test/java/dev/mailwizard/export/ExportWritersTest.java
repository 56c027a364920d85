package dev.mailwizard.export;

import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.mailwizard.export.ExportFixtures.server;
import static org.assertj.core.api.Assertions.assertThat;

/** What each writer refuses, where a password may and may not go, and that server text cannot break a file. */
class ExportWritersTest {
    private static final String SECRET = "s3cr\"et pa$$ \\word";

    private static Map<String, ExportResult> writeAll(ExportInput input) {
        return ProfileWriters.all().stream().collect(Collectors.toMap(ProfileWriter::id, w -> w.write(input)));
    }

    private static List<ExportFile> files(ExportResult r) {
        assertThat(r).isInstanceOf(ExportResult.Written.class);
        return ((ExportResult.Written) r).files();
    }

    @Test
    void theHelpDeskReportSaysTheConclusionFirstWithItsRowsFolded() {
        com.fasterxml.jackson.databind.node.ObjectNode json = ExportFixtures.report(ExportFixtures.Mode.TLS).deepCopy();
        com.fasterxml.jackson.databind.node.ObjectNode hint = json.putArray("hints").addObject();
        hint.put("kind", "MAIL_PORTS_BLOCKED");
        hint.put("text", "smtp.example.test does not answer on any mail port <465, 587>: your network blocks outgoing mail ports");
        hint.putArray("probes").add(0).add(99);
        ExportResult r = ProfileWriters.all().stream().filter(w -> w.id().equals("report")).findFirst().orElseThrow()
                .write(ExportInput.of(ExportFixtures.implicitTls()).withReport(json));
        String html = files(r).stream().filter(f -> f.name().endsWith(".html")).findFirst().orElseThrow().text();
        String md = files(r).stream().filter(f -> f.name().endsWith(".md")).findFirst().orElseThrow().text();
        assertThat(html.indexOf("<h2>Conclusion</h2>")).isPositive().isLessThan(html.indexOf("<h2>Recommendation</h2>"));
        assertThat(html).contains("mail port &lt;465, 587&gt;: your network blocks")
                .contains("<details>\n<summary>The 1 test behind this (MAIL_PORTS_BLOCKED)</summary>");
        assertThat(md.indexOf("## Conclusion")).isPositive().isLessThan(md.indexOf("## Recommendation"));
        assertThat(md).contains("<details><summary>The 1 test behind this (MAIL_PORTS_BLOCKED)</summary>");
    }

    @Test
    void thePasswordGoesOnlyIntoFormatsThatCanHoldItAndOnlyWhenAsked() {
        Map<String, ExportResult> without = writeAll(ExportInput.of(ExportFixtures.implicitTls()).withReport(ExportFixtures.report(ExportFixtures.Mode.TLS)));
        without.values().forEach(r -> files(r).forEach(f -> {
            assertThat(f.holdsPassword()).isFalse();
            assertThat(f.text()).doesNotContain(SECRET);
        }));

        Map<String, ExportResult> with = writeAll(ExportInput.of(ExportFixtures.implicitTls())
                .withReport(ExportFixtures.report(ExportFixtures.Mode.TLS)).withPassword(SECRET));
        for (ProfileWriter w : ProfileWriters.all()) {
            for (ExportFile f : files(with.get(w.id()))) {
                assertThat(f.holdsPassword()).as(w.id()).isEqualTo(w.canHoldPassword());
                if (!w.canHoldPassword()) {
                    assertThat(f.text()).as(w.id()).doesNotContain("s3cr");
                }
            }
        }
        // msmtp takes what is between the outer quotes as it is: no escapes.
        assertThat(files(with.get("msmtp")).get(0).text()).contains("password \"s3cr\"et pa$$ \\word\"\n").doesNotContain("passwordeval");
        assertThat(files(with.get("git")).get(0).text()).contains("smtpPass = \"s3cr\\\"et pa$$ \\\\word\"");
        assertThat(files(with.get("neomutt")).get(0).text()).contains("set smtp_pass = 's3cr\"et pa$$ \\word'");
        assertThat(files(with.get("spring")).get(0).text()).contains("spring.mail.password=s3cr\"et pa$$ \\\\word");
        assertThat(files(with.get("postfix")).get(0).text()).contains("[smtp.example.test]:465 alice@example.test:" + SECRET);
        ExportResult.Written apple = (ExportResult.Written) with.get("apple");
        assertThat(apple.notes()).anyMatch(n -> n.startsWith("no password written"));
    }

    @Test
    void withoutAPasswordEachFileSaysHowTheClientGetsIt() {
        Map<String, ExportResult> r = writeAll(ExportInput.of(ExportFixtures.implicitTls()).on(HostOs.LINUX));
        assertThat(files(r.get("msmtp")).get(0).text()).contains("passwordeval \"secret-tool lookup host smtp.example.test service smtp user alice@example.test\"")
                .contains("secret-tool store");
        assertThat(files(r.get("git")).get(0).text()).contains("credential.helper");
        assertThat(files(r.get("spring")).get(0).text()).contains("spring.mail.password=${MAIL_PASSWORD}");
        assertThat(files(r.get("postfix")).get(0).text()).contains("alice@example.test:PASSWORD").contains("Replace PASSWORD");
        assertThat(files(r.get("thunderbird-prefs")).get(0).text()).contains("password manager");
    }

    @Test
    void aStarttlsServerOnANonStandardPortIsRefusedWhereTheClientGuessesTheModeFromThePort() {
        AccountProfile p = new AccountProfile(EmailAddress.parse("carol@example.test"), "",
                List.of(server(Protocol.SMTP, "smtp.example.test", 2525, Security.STARTTLS, "carol@example.test", null)),
                List.of(server(Protocol.IMAP, "imap.example.test", 993, Security.TLS, "carol@example.test", null)), true);
        Map<String, ExportResult> r = writeAll(ExportInput.of(p));
        assertThat(r.get("apple")).isInstanceOf(ExportResult.Refused.class);
        assertThat(((ExportResult.Refused) r.get("apple")).reason()).contains("port 2525").contains("thunderbird format");
        assertThat(r.get("outlook")).isInstanceOf(ExportResult.Refused.class);
        // Formats that name the mode explicitly carry it.
        assertThat(files(r.get("thunderbird")).get(0).text()).contains("<port>2525</port>").contains("<socketType>STARTTLS</socketType>");
        assertThat(files(r.get("msmtp")).get(0).text()).contains("port 2525").contains("tls_starttls on");
        assertThat(files(r.get("git")).get(0).text()).contains("smtpEncryption = tls");
    }

    @Test
    void aNonStandardAlternativeIsLeftOutWithANoteAndTheStandardOneKept() {
        AccountProfile p = new AccountProfile(EmailAddress.parse("carol@example.test"), "",
                List.of(server(Protocol.SMTP, "smtp.example.test", 2525, Security.STARTTLS, "carol@example.test", null),
                        server(Protocol.SMTP, "smtp.example.test", 465, Security.TLS, "carol@example.test", null)),
                List.of(server(Protocol.IMAP, "imap.example.test", 993, Security.TLS, "carol@example.test", null)), true);
        ExportResult.Written apple = (ExportResult.Written) new AppleProfileWriter().write(ExportInput.of(p));
        assertThat(apple.files().get(0).text()).contains("<key>OutgoingMailServerPortNumber</key><integer>465</integer>");
        assertThat(apple.notes()).anyMatch(n -> n.contains("left out SMTP smtp.example.test port 2525"));
    }

    @Test
    void plainServersAreNeverWrittenToAClientFile() {
        AccountProfile plain = new AccountProfile(EmailAddress.parse("dave@example.test"), "",
                List.of(server(Protocol.SMTP, "smtp.example.test", 25, Security.PLAIN, "dave@example.test", null)),
                List.of(server(Protocol.IMAP, "imap.example.test", 143, Security.PLAIN, "dave@example.test", null)), false);
        Map<String, ExportResult> r = writeAll(ExportInput.of(plain));
        ProfileWriters.all().stream().filter(w -> !w.id().equals("report")).forEach(w -> {
            assertThat(r.get(w.id())).as(w.id()).isInstanceOf(ExportResult.Refused.class);
            assertThat(((ExportResult.Refused) r.get(w.id())).reason()).as(w.id()).contains("unencrypted");
        });
    }

    @Test
    void thunderbirdAndAppleNeedAnIncomingServerAndSaySo() {
        AccountProfile smtpOnly = new AccountProfile(EmailAddress.parse("erin@example.test"), "",
                List.of(server(Protocol.SMTP, "smtp.example.test", 465, Security.TLS, "erin@example.test", null)), List.of(), true);
        Map<String, ExportResult> r = writeAll(ExportInput.of(smtpOnly));
        assertThat(((ExportResult.Refused) r.get("thunderbird")).reason()).contains("without an incoming server").contains("--incoming");
        assertThat(((ExportResult.Refused) r.get("apple")).reason()).contains("incoming server");
        assertThat(r.get("msmtp")).isInstanceOf(ExportResult.Written.class);
        assertThat(((ExportResult.Refused) r.get("report")).reason()).contains("--from");
    }

    @Test
    void placeholdersLetOneAutoconfigFileServeTheWholeDomain() {
        assertThat(files(new ThunderbirdAutoconfigWriter().write(ExportInput.of(ExportFixtures.implicitTls()))).get(0).text())
                .contains("<username>%EMAILADDRESS%</username>").doesNotContain("alice@example.test</username>");
        assertThat(files(new ThunderbirdAutoconfigWriter().write(ExportInput.of(ExportFixtures.starttlsOnly()))).get(0).text())
                .contains("<username>%EMAILLOCALPART%</username>");
    }

    @Test
    void appleIdentifiersAreStablePerAccountAndDifferBetweenAccounts() {
        String a1 = files(new AppleProfileWriter().write(ExportInput.of(ExportFixtures.implicitTls()))).get(0).text();
        String a2 = files(new AppleProfileWriter().write(ExportInput.of(ExportFixtures.implicitTls()))).get(0).text();
        String b = files(new AppleProfileWriter().write(ExportInput.of(ExportFixtures.starttlsOnly()))).get(0).text();
        Function<String, List<String>> uuids = t -> java.util.regex.Pattern.compile("<key>PayloadUUID</key><string>([^<]+)</string>")
                .matcher(t).results().map(m -> m.group(1)).toList();
        assertThat(uuids.apply(a1)).hasSize(2).doesNotHaveDuplicates().isEqualTo(uuids.apply(a2));
        assertThat(uuids.apply(b)).doesNotContainAnyElementsOf(uuids.apply(a1));
        assertThat(a1).contains("<string>dev.mailwizard.profile.alice-example-test</string>");
    }

    @Test
    void aSignedAppleProfileVerifiesAndCarriesTheProfileUnchanged() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair kp = g.generateKeyPair();
        var cert = TestCertificates.selfSigned(kp, "CN=MailWizard Test Signer");
        SigningIdentity id = new SigningIdentity(List.of(cert), kp.getPrivate());
        ExportInput in = ExportInput.of(ExportFixtures.implicitTls());
        byte[] plain = files(new AppleProfileWriter().write(in)).get(0).content();
        ExportResult.Written signed = (ExportResult.Written) new AppleProfileWriter().write(in.withSigning(id));

        CMSSignedData cms = new CMSSignedData(signed.files().get(0).content());
        assertThat((byte[]) cms.getSignedContent().getContent()).isEqualTo(plain);
        SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
        X509CertificateHolder holder = (X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID()).iterator().next();
        assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder))).isTrue();
        assertThat(signed.notes()).anyMatch(n -> n.contains("MailWizard Test Signer"));
    }

    @Test
    void hostileTextCannotEndAValueOrAddALine() {
        AccountProfile p = new AccountProfile(EmailAddress.parse("frank@example.test"), "Frank \"the\" <Tank>\n#injected",
                List.of(server(Protocol.SMTP, "smtp.example.test", 465, Security.TLS, "frank'; set x=1 #", null)),
                List.of(server(Protocol.IMAP, "imap.example.test", 993, Security.TLS, "frank'; set x=1 #", null)), true);
        Map<String, ExportResult> r = writeAll(ExportInput.of(p));
        assertThat(files(r.get("neomutt")).get(0).text()).contains("set realname = 'Frank \"the\" <Tank> #injected'")
                .contains("smtps://frank%27%3B%20set%20x%3D1%20%23@smtp.example.test:465/");
        assertThat(files(r.get("apple")).get(0).text()).contains("Frank &quot;the&quot; &lt;Tank&gt;");
        assertThat(files(r.get("outlook")).get(0).text()).contains("<DisplayName>Frank &quot;the&quot; &lt;Tank&gt;\n#injected</DisplayName>");
        for (String id : List.of("msmtp", "git", "spring", "jakarta", "kmail", "evolution", "neomutt")) {
            assertThat(files(r.get(id)).get(0).text().lines()).as(id).noneMatch(l -> l.startsWith("#injected"));
        }
    }

    @Test
    void aLoginNameFromTheReportCannotAddACommandToMsmtpsPasswordeval() {
        AccountProfile p = new AccountProfile(EmailAddress.parse("frank@example.test"), "",
                List.of(server(Protocol.SMTP, "smtp.example.test", 465, Security.TLS, "frank\"; touch /tmp/pwned; echo \"", null)), List.of(), true);
        assertThat(files(new MsmtpWriter().write(ExportInput.of(p).on(HostOs.LINUX))).get(0).text())
                .contains("passwordeval \"secret-tool lookup host smtp.example.test service smtp user 'frank\"; touch /tmp/pwned; echo \"'\"\n")
                .contains("#   secret-tool store --label=\"msmtp smtp.example.test\" host smtp.example.test service smtp user 'frank\"; touch /tmp/pwned; echo \"'\n");
    }

    @Test
    void msmtpForTheStarttlsAccountNamesOnlyItsOwnAccountAndEndsWithTheDefault() {
        ExportFile msmtp = files(new MsmtpWriter().write(ExportInput.of(ExportFixtures.starttlsOnly()))).get(0);
        assertThat(msmtp.text()).contains("account bob-example-test-587").contains("tls_starttls on").contains("user bob\n")
                .doesNotContain("alice");
        assertThat(new String(msmtp.content(), StandardCharsets.UTF_8)).endsWith("account default : bob-example-test-587\n");
    }
}
