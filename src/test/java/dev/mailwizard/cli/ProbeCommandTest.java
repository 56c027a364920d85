package dev.mailwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailwizard.demo.DemoPki;
import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.demo.ServerBehaviour;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeCommandTest {
    private static final String HOST = "smtp.cli.test";
    private static final String USER = "carol@cli.test";
    private static final String PASSWORD = "s3cret-Pa55word";
    private static final TestCa CA = TestCa.named("CLI Test CA");
    private static final DemoPki PKI = CA.pki();


    private static ScriptedSmtpServer goodServer() {
        return ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(PKI.issue(HOST).serverContext()).user(USER, PASSWORD).build());
    }

    private static CliHarness.Result probe(ScriptedSmtpServer server, String stdin, String... extra) {
        String[] base = {"probe", USER, "--host", HOST, "--resolve", HOST + ":127.0.0.1", "--port", Integer.toString(server.port()),
                "--security", "tls", "--trust-ca", CA.file(), "--timeout", "5"};
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
                    "--port", "imap:" + imap.port(), "--security", "tls", "--trust-ca", CA.file(), "--password-stdin", "--json");
            JsonNode json = new ObjectMapper().readTree(r.out());
            assertThat(json.get("probes")).hasSize(1);
            JsonNode p = json.get("probes").get(0);
            assertThat(p.get("protocol").asText()).isEqualTo("IMAP");
            assertThat(p.get("outcome").asText()).isEqualTo("OK");
            assertThat(p.get("login").get("result").asText()).isEqualTo("OK");
            assertThat(json.get("recommendedIncoming").get("port").asInt()).isEqualTo(imap.port());
            assertThat(json.get("recommended").isNull()).isTrue();
            // Only incoming mail was asked for, and it works: the verdict is about what was asked.
            assertThat(r.exitCode()).as(r.err()).isZero();
        }
    }

    @Test
    void anIncomingOnlyRunSaysWhatWorksInText() throws Exception {
        try (var imap = dev.mailwizard.demo.ScriptedImapServer.start(dev.mailwizard.demo.MailboxBehaviour.implicit(PKI.issue(HOST).serverContext(), USER, PASSWORD));
             var pop = dev.mailwizard.demo.ScriptedPop3Server.start(dev.mailwizard.demo.MailboxBehaviour.implicit(PKI.issue(HOST).serverContext(), USER, PASSWORD))) {
            for (String port : List.of("imap:" + imap.port(), "pop3:" + pop.port())) {
                CliHarness.Result r = CliHarness.run(PASSWORD + "\n", "probe", USER, "--host", HOST, "--resolve", HOST + ":127.0.0.1",
                        "--port", port, "--security", "tls", "--trust-ca", CA.file(), "--password-stdin");
                assertThat(r.exitCode()).as(r.out()).isZero();
                assertThat(r.out()).contains("MailWizard: incoming mail (IMAP/POP3)").contains("Incoming mail:")
                        .doesNotContain("No secure configuration works").doesNotContain("None of the servers");
            }
        }
    }

    @Test
    void anIncomingOnlyRunThatFailsSaysSoAboutIncomingMail() {
        try (var imap = dev.mailwizard.demo.ScriptedImapServer.start(dev.mailwizard.demo.MailboxBehaviour.implicit(DemoPki.selfSigned(HOST).serverContext(), USER, PASSWORD))) {
            CliHarness.Result r = CliHarness.run("", "probe", USER, "--host", HOST, "--resolve", HOST + ":127.0.0.1",
                    "--port", "imap:" + imap.port(), "--security", "tls", "--trust-ca", CA.file());
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.out()).contains("No secure incoming server (IMAP/POP3) works").doesNotContain("outgoing");
        }
    }

    @Test
    void namesThatDoNotExistAreOneConclusionInJsonAndText() throws Exception {
        String[] args = {"probe", "bob@nowhere.invalid", "--host", "smtp.nowhere.invalid", "--host", "mail.nowhere.invalid",
                "--port", "465", "--port", "587", "--timeout", "3"};
        CliHarness.Result text = CliHarness.run("", args);
        assertThat(text.exitCode()).isEqualTo(1);
        String out = text.out();
        assertThat(out).contains("Conclusion:").contains("None of the server names you typed exists in DNS");
        assertThat(out.indexOf("Conclusion:")).as("the conclusion comes before the rows").isLessThan(out.indexOf("SERVER"));
        assertThat(out).contains("(4 checks): NAME_NOT_FOUND, see the conclusion above");
        String[] jsonArgs = java.util.Arrays.copyOf(args, args.length + 1);
        jsonArgs[args.length] = "--json";
        JsonNode hints = new ObjectMapper().readTree(CliHarness.run("", jsonArgs).out()).get("hints");
        assertThat(hints).hasSize(1);
        assertThat(hints.get(0).get("kind").asText()).isEqualTo("NAME_NOT_FOUND");
        assertThat(hints.get(0).get("probes")).hasSize(4);
    }

    @Test
    void everyPortRefusedEndsInOneConclusionAboutTheNetworkOrTheServer() throws Exception {
        int a;
        int b;
        try (var s1 = new java.net.ServerSocket(0); var s2 = new java.net.ServerSocket(0)) {
            a = s1.getLocalPort();
            b = s2.getLocalPort();
        }
        CliHarness.Result r = CliHarness.run("", "probe", USER, "--host", HOST, "--resolve", HOST + ":127.0.0.1",
                "--port", Integer.toString(a), "--port", Integer.toString(b), "--security", "tls", "--json");
        JsonNode hints = new ObjectMapper().readTree(r.out()).get("hints");
        assertThat(hints).hasSize(1);
        assertThat(hints.get(0).get("kind").asText()).isIn("MAIL_PORTS_BLOCKED", "SERVER_UNREACHABLE");
        assertThat(hints.get(0).get("text").asText()).contains("port 443");
    }

    @Test
    void internationalDomainIsProbedAsALabels() throws Exception {
        String idnHost = "smtp.bücher.test";
        try (var server = ScriptedSmtpServer.start(ServerBehaviour.builder()
                .implicitTls(PKI.issue("smtp.xn--bcher-kva.test").serverContext()).build())) {
            CliHarness.Result r = CliHarness.run("", "probe", "anna@bücher.test", "--host", idnHost, "--resolve", idnHost + ":127.0.0.1",
                    "--port", Integer.toString(server.port()), "--security", "tls", "--trust-ca", CA.file(), "--json");
            assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
            JsonNode json = new ObjectMapper().readTree(r.out());
            assertThat(json.get("address").asText()).isEqualTo("anna@xn--bcher-kva.test");
            assertThat(json.get("probes").get(0).get("host").asText()).isEqualTo("smtp.xn--bcher-kva.test");
        }
    }
}
