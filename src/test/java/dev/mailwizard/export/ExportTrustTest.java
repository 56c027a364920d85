package dev.mailwizard.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailwizard.demo.DemoPki;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's trust in the exported files: the CA copied next to them (certificates only) and
 * named where each client reads it, the pinned fingerprint where a client takes one, and words
 * for the person where a client takes neither.
 */
class ExportTrustTest {
    private static final DemoPki CA = DemoPki.newAuthority("Company Test CA");
    private static final String PIN = "C8:16:63:77:4A:B8:6C:9F:B9:34:AC:83:5F:A7:76:17:34:58:8B:00:D8:E4:66:8D:3B:E8:A9:23:C1:2D:20:27";
    private static final Path HOME = Path.of("/home/alice");
    private static final Path FOLDER = HOME.resolve("mail-settings");

    @TempDir
    Path tmp;

    /** The real-run report, tested with --trust-ca FILE (a CA and, in the same file, a private key). */
    private ObjectNode reportWithCa() throws Exception {
        Path file = tmp.resolve("company-ca.pem");
        Files.writeString(file, DemoPki.pem(CA.caCertificate()) + "-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA\n-----END PRIVATE KEY-----\n");
        ObjectNode r = (ObjectNode) ExportFixtures.report(ExportFixtures.Mode.TLS).deepCopy();
        ObjectNode trust = r.putObject("trust");
        trust.putArray("extraCaFiles").add(file.toString());
        trust.putArray("pins");
        return r;
    }

    /** The same report, but 587's certificate was pinned (--pin) instead. */
    private static ObjectNode reportWithPinOn587() {
        ObjectNode r = (ObjectNode) ExportFixtures.report(ExportFixtures.Mode.TLS).deepCopy();
        ObjectNode trust = r.putObject("trust");
        trust.putArray("extraCaFiles");
        trust.putArray("pins").add(PIN);
        r.withArray("probes").forEach(p -> {
            if (p.path("port").asInt() == 587) {
                ((ObjectNode) p.path("tls").path("certificate")).put("pinned", true);
            }
        });
        return r;
    }

    private static Map<String, ExportFile> write(String format, ObjectNode report) {
        ExportInput in = ExportInput.of(ReportProfiles.from(report, "Alice")).withReport(report).inFolder(FOLDER, HOME);
        ExportResult.Written w = (ExportResult.Written) ProfileWriters.byId(format).orElseThrow().write(in);
        return w.files().stream().collect(Collectors.toMap(ExportFile::name, f -> f));
    }

    private static List<String> notes(String format, ObjectNode report) {
        ExportInput in = ExportInput.of(ReportProfiles.from(report, "Alice")).withReport(report).inFolder(FOLDER, HOME);
        return ((ExportResult.Written) ProfileWriters.byId(format).orElseThrow().write(in)).notes();
    }

    @Test
    void theCaIsCopiedNextToTheFilesWithItsCertificatesOnly() throws Exception {
        ExportFile copy = write("msmtp", reportWithCa()).get("alice-mailwizard-test-ca.pem");
        assertThat(copy).isNotNull();
        assertThat(copy.text()).doesNotContain("PRIVATE KEY");
        X509Certificate read = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(copy.content()));
        assertThat(read).isEqualTo(CA.caCertificate());
    }

    @Test
    void msmtpNeomuttAndGitNameTheCopyUnderTheHomeDirectory() throws Exception {
        ObjectNode r = reportWithCa();
        String copy = "~/mail-settings/alice-mailwizard-test-ca.pem";
        assertThat(write("msmtp", r).get("msmtprc").text()).contains("tls_trust_file " + copy + "\n").doesNotContain("tls_trust_file system");
        assertThat(write("neomutt", r).get("neomuttrc").text()).contains("set ssl_ca_certificates_file = '" + copy + "'\n");
        assertThat(write("git", r).get("gitconfig-sendemail").text()).contains("\tsmtpSSLCertPath = \"" + copy + "\"\n");
        assertThat(write("spring", r).get("application.properties").text()).contains("spring.mail.ssl.bundle=mailwizard\n")
                .contains("spring.ssl.bundle.pem.mailwizard.truststore.certificate=file\\:${user.home}/mail-settings/alice-mailwizard-test-ca.pem\n");
    }

    @Test
    void aFolderOutsideTheHomeDirectoryIsNamedByItsAbsolutePath() throws Exception {
        ObjectNode r = reportWithCa();
        ExportInput in = ExportInput.of(ReportProfiles.from(r, "Alice")).withReport(r).inFolder(Path.of("/srv/export"), HOME);
        ExportResult.Written w = (ExportResult.Written) new MsmtpWriter().write(in);
        assertThat(w.files().get(0).text()).contains("tls_trust_file /srv/export/alice-mailwizard-test-ca.pem\n");
    }

    @Test
    void jakartaPropertiesNeverTrustAHostBlindlyAndShowHowToTrustTheCopy() throws Exception {
        ObjectNode r = reportWithCa();
        String props = write("jakarta", r).get("mail.properties").text();
        assertThat(props).doesNotContain("ssl.trust=").contains("Path.of(\"/home/alice/mail-settings/alice-mailwizard-test-ca.pem\")")
                .contains("props.put(\"mail.smtp.ssl.socketFactory\", tls.getSocketFactory());");
        assertThat(notes("jakarta", r)).anyMatch(n -> n.contains("cannot name a CA file"));
    }

    @Test
    void postfixReadsTheCaFromItsOwnFolder() throws Exception {
        String text = write("postfix", reportWithCa()).get("postfix-relay.txt").text();
        assertThat(text).contains("smtp_tls_security_level = verify\n")
                .contains("smtp_tls_CAfile = /etc/postfix/alice-mailwizard-test-ca.pem\n")
                .contains("# Copy it to /etc/postfix/alice-mailwizard-test-ca.pem");
    }

    @Test
    void theAppleProfileInstallsTheCaAsARootCertificatePayload() throws Exception {
        String plist = write("apple", reportWithCa()).get("alice@mailwizard.test.mobileconfig").text();
        assertThat(plist).contains("<key>PayloadType</key><string>com.apple.security.root</string>")
                .contains("<key>PayloadContent</key><data>" + java.util.Base64.getEncoder().encodeToString(CA.caCertificate().getEncoded()) + "</data>");
        assertThat(notes("apple", reportWithCa())).anyMatch(n -> n.contains("Certificate Trust Settings"));
    }

    @Test
    void clientsThatCannotHoldTheCaSayWhatToDoInsteadAndGetTheCopy() throws Exception {
        ObjectNode r = reportWithCa();
        for (String[] f : new String[][]{{"thunderbird", "config-v1.1.xml"}, {"thunderbird-prefs", "user.js"}, {"outlook", "autodiscover.xml"},
                {"kmail", "mailtransports"}}) {
            Map<String, ExportFile> files = write(f[0], r);
            assertThat(files).as(f[0]).containsKey("alice-mailwizard-test-ca.pem");
            assertThat(files.get(f[1]).text()).as(f[0]).contains("cannot be told about your own CA in this file: import alice-mailwizard-test-ca.pem");
            assertThat(notes(f[0], r)).as(f[0]).anyMatch(n -> n.contains("import alice-mailwizard-test-ca.pem"));
        }
    }

    @Test
    void aPinGoesToTheAccountWhoseCertificateWasPinned() {
        ObjectNode r = reportWithPinOn587();
        String rc = write("msmtp", r).get("msmtprc").text();
        String account465 = rc.substring(rc.indexOf("account alice-mailwizard-test-465"), rc.indexOf("account alice-mailwizard-test-587"));
        String account587 = rc.substring(rc.indexOf("account alice-mailwizard-test-587"), rc.indexOf("account default"));
        assertThat(account587).contains("tls_trust_file\ntls_fingerprint " + PIN + "\n");
        assertThat(account465).doesNotContain("tls_fingerprint");
        assertThat(rc).contains("tls_trust_file system\n");
        assertThat(write("msmtp", r)).doesNotContainKey("alice-mailwizard-test-ca.pem");
    }

    @Test
    void postfixPinsTheRelayCertificateWhenItWasPinned() {
        ObjectNode r = reportWithPinOn587();
        r.remove("recommended");
        r.set("recommended", r.withArray("alternatives").get(0));
        String text = write("postfix", r).get("postfix-relay.txt").text();
        assertThat(text).contains("relayhost = [mail.mailwizard.test]:587\n").contains("smtp_tls_security_level = fingerprint\n")
                .contains("smtp_tls_fingerprint_digest = sha256\n").contains("smtp_tls_fingerprint_cert_match = " + PIN + "\n")
                .doesNotContain("smtp_tls_CAfile");
    }

    @Test
    void clientsWithoutPinsGiveTheFingerprintToCompare() {
        ObjectNode r = reportWithPinOn587();
        assertThat(write("neomutt", r).get("neomuttrc").text()).contains("accept it only if its SHA-256 fingerprint is " + PIN);
        assertThat(notes("git", r)).anyMatch(n -> n.contains("smtpSSLCertPath") && n.contains(PIN));
        assertThat(notes("thunderbird", r)).anyMatch(n -> n.contains(PIN));
    }

    @Test
    void aReportWithoutTrustWritesWhatItWroteBefore() {
        ObjectNode r = (ObjectNode) ExportFixtures.report(ExportFixtures.Mode.TLS).deepCopy();
        String before = write("msmtp", r).get("msmtprc").text();
        ObjectNode trust = r.putObject("trust");
        trust.putArray("extraCaFiles");
        trust.putArray("pins");
        assertThat(write("msmtp", r)).containsOnlyKeys("msmtprc");
        assertThat(write("msmtp", r).get("msmtprc").text()).isEqualTo(before);
    }

    @Test
    void aCaFileMissingOnThisMachineIsNamedWithTheFix() throws Exception {
        ObjectNode r = reportWithCa();
        ((ObjectNode) r.get("trust")).putArray("extraCaFiles").add("/nowhere/company-ca.pem");
        assertThatThrownBy(() -> ReportProfiles.from(r, "Alice")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the report's trust names the CA file '/nowhere/company-ca.pem', which cannot be read here:"
                        + " copy it to this path, or probe again with --trust-ca FILE");
    }

    @Test
    void theSameCaCopyFromSeveralFormatsIsWrittenOnceAndPrivately() throws Exception {
        ObjectNode r = reportWithCa();
        ExportFolder folder = new ExportFolder(tmp.resolve("out"), false);
        List<ExportFile> files = new java.util.ArrayList<>(write("msmtp", r).values());
        files.addAll(write("git", r).values());
        assertThat(folder.conflicts(files)).isEmpty();
        folder.write(files);
        Path copy = tmp.resolve("out/alice-mailwizard-test-ca.pem");
        assertThat(Files.getPosixFilePermissions(copy)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(copy)).isEqualTo(DemoPki.pem(CA.caCertificate()).replace("\r\n", "\n"));
    }
}
