package dev.mailwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailwizard.demo.DemoPki;
import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.demo.ServerBehaviour;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeCommandTest {
    private static final String HOST = "smtp.cli.test";
    private static final String USER = "carol@cli.test";
    private static final String PASSWORD = "s3cret-Pa55word";
    private static final DemoPki PKI = DemoPki.newAuthority("CLI Test CA");
    @TempDir
    static Path dir;
    private static Path caFile;

    @BeforeAll
    static void writeCa() throws Exception {
        caFile = dir.resolve("ca.pem");
        Files.writeString(caFile, DemoPki.pem(PKI.caCertificate()));
    }

    private static ScriptedSmtpServer goodServer() {
        return ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(PKI.issue(HOST).serverContext()).user(USER, PASSWORD).build());
    }

    private static CliHarness.Result probe(ScriptedSmtpServer server, String stdin, String... extra) {
        String[] base = {"probe", USER, "--host", HOST, "--resolve", HOST + ":127.0.0.1", "--port", Integer.toString(server.port()),
                "--security", "tls", "--trust-ca", caFile.toString(), "--timeout", "5"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return CliHarness.run(stdin, all);
    }

    @Test
    void workingServerGivesExit0AndContractJson() throws Exception {
        try (var server = goodServer()) {
            CliHarness.Result r = probe(server, PASSWORD + "\n", "--password-stdin", "--json", "--transcript");
            assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
            JsonNode json = new ObjectMapper().readTree(r.out());
            assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
            JsonNode probe = json.get("probes").get(0);
            assertThat(probe.get("outcome").asText()).isEqualTo("OK");
            assertThat(probe.get("security").asText()).isEqualTo("TLS");
            assertThat(probe.get("login").get("result").asText()).isEqualTo("OK");
            assertThat(probe.get("tls").get("certificate").get("trusted").asBoolean()).isTrue();
            assertThat(json.get("recommended").get("host").asText()).isEqualTo(HOST);
            assertThat(json.get("recommended").get("username").asText()).isEqualTo(USER);
            assertThat(probe.get("transcript").toString()).contains("<redacted>");
            assertThat(r.out() + r.err()).doesNotContain(PASSWORD);
            assertThat(server.authAttempts()).isEqualTo(1);
        }
    }

    @Test
    void rejectedPasswordGivesExit3() {
        try (var server = goodServer()) {
            CliHarness.Result r = probe(server, "wrong\n", "--password-stdin");
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.out()).contains("LOGIN_REJECTED").contains("refused the password");
            assertThat(server.authAttempts()).isEqualTo(1);
        }
    }

    @Test
    void nothingSecureGivesExit1AndSaysWhy() {
        try (var server = ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(DemoPki.selfSigned(HOST).serverContext()).build())) {
            CliHarness.Result r = probe(server, "");
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.out()).contains("No secure configuration works").contains("CERT_UNTRUSTED").contains("self-signed");
        }
    }

    @Test
    void pinnedCertificateWorksAndIsShownAsPinned() throws Exception {
        DemoPki.Issued self = DemoPki.selfSigned(HOST);
        try (var server = ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(self.serverContext()).user(USER, PASSWORD).build())) {
            String pin = dev.mailwizard.probe.TrustMaterial.sha256(self.certificate()).replace(":", "").toLowerCase();
            CliHarness.Result r = probe(server, PASSWORD + "\n", "--password-stdin", "--pin", pin, "--json");
            assertThat(r.exitCode()).as(r.out()).isZero();
            JsonNode cert = new ObjectMapper().readTree(r.out()).get("probes").get(0).get("tls").get("certificate");
            assertThat(cert.get("pinned").asBoolean()).isTrue();
            assertThat(cert.get("trusted").asBoolean()).isFalse();
        }
    }

    @Test
    void anImapPortAloneTestsOnlyImap() throws Exception {
        try (var imap = dev.mailwizard.demo.ScriptedImapServer.start(dev.mailwizard.demo.MailboxBehaviour.implicit(PKI.issue(HOST).serverContext(), USER, PASSWORD))) {
            CliHarness.Result r = CliHarness.run(PASSWORD + "\n", "probe", USER, "--host", HOST, "--resolve", HOST + ":127.0.0.1",
                    "--port", "imap:" + imap.port(), "--security", "tls", "--trust-ca", caFile.toString(), "--password-stdin", "--json");
            JsonNode json = new ObjectMapper().readTree(r.out());
            assertThat(json.get("probes")).hasSize(1);
            JsonNode p = json.get("probes").get(0);
            assertThat(p.get("protocol").asText()).isEqualTo("IMAP");
            assertThat(p.get("outcome").asText()).isEqualTo("OK");
            assertThat(p.get("login").get("result").asText()).isEqualTo("OK");
            assertThat(json.get("recommendedIncoming").get("port").asInt()).isEqualTo(imap.port());
            assertThat(json.get("recommended").isNull()).isTrue();
            // Nothing for sending was tested, so no complete working configuration: exit 1.
            assertThat(r.exitCode()).isEqualTo(1);
        }
    }

    @Test
    void internationalDomainIsProbedAsALabels() throws Exception {
        String idnHost = "smtp.bücher.test";
        try (var server = ScriptedSmtpServer.start(ServerBehaviour.builder()
                .implicitTls(PKI.issue("smtp.xn--bcher-kva.test").serverContext()).build())) {
            CliHarness.Result r = CliHarness.run("", "probe", "anna@bücher.test", "--host", idnHost, "--resolve", idnHost + ":127.0.0.1",
                    "--port", Integer.toString(server.port()), "--security", "tls", "--trust-ca", caFile.toString(), "--json");
            assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
            JsonNode json = new ObjectMapper().readTree(r.out());
            assertThat(json.get("address").asText()).isEqualTo("anna@xn--bcher-kva.test");
            assertThat(json.get("probes").get(0).get("host").asText()).isEqualTo("smtp.xn--bcher-kva.test");
        }
    }
}
