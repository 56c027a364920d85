package dev.mailwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailwizard.demo.DemoPki;
import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.demo.ServerBehaviour;
import dev.mailwizard.probe.TrustMaterial;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trust a probe was given lands in its JSON report, and export carries it into the files. */
class TrustInReportTest {
    private static final String HOST = "smtp.trust.test";
    private static final String USER = "dana@trust.test";
    private static final String PASSWORD = "Tr0st-pa55";
    private static final TestCa CA = TestCa.named("Trust Report CA");

    @TempDir
    Path tmp;

    private static CliHarness.Result probe(int port, String... trust) {
        List<String> args = new java.util.ArrayList<>(List.of("probe", USER, "--host", HOST, "--resolve", HOST + ":127.0.0.1",
                "--port", Integer.toString(port), "--security", "tls", "--timeout", "5", "--password-stdin", "--json"));
        args.addAll(List.of(trust));
        return CliHarness.run(PASSWORD + "\n", args.toArray(String[]::new));
    }

    @Test
    void theCaFileIsRecordedByItsAbsolutePathAndExportCopiesIt() throws Exception {
        try (var server = ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(CA.pki().issue(HOST).serverContext()).user(USER, PASSWORD).build())) {
            CliHarness.Result r = probe(server.port(), "--trust-ca", CA.file());
            assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
            JsonNode trust = new ObjectMapper().readTree(r.out()).get("trust");
            assertThat(trust.get("extraCaFiles")).extracting(JsonNode::asText).containsExactly(Path.of(CA.file()).toAbsolutePath().toString());
            assertThat(trust.get("pins")).isEmpty();

            Path report = Files.writeString(tmp.resolve("report.json"), r.out());
            Path out = tmp.resolve("export");
            CliHarness.Result e = CliHarness.run("", "export", "--from", report.toString(), "--format", "msmtp", "--format", "git",
                    "--out", out.toString());
            assertThat(e.exitCode()).as(e.err() + e.out()).isZero();
            Path copy = out.resolve("dana-trust-test-ca.pem");
            assertThat(Files.readString(copy)).contains("BEGIN CERTIFICATE");
            assertThat(Files.readString(out.resolve("msmtprc"))).contains("tls_trust_file " + copy + "\n");
            assertThat(e.out()).contains("3 files written");
        }
    }

    @Test
    void aPinIsRecordedAsTheNormalisedFingerprint() throws Exception {
        DemoPki.Issued self = DemoPki.selfSigned(HOST);
        try (var server = ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(self.serverContext()).user(USER, PASSWORD).build())) {
            String pin = TrustMaterial.sha256(self.certificate());
            CliHarness.Result r = probe(server.port(), "--pin", pin.replace(":", "").toLowerCase(java.util.Locale.ROOT));
            assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
            JsonNode trust = new ObjectMapper().readTree(r.out()).get("trust");
            assertThat(trust.get("extraCaFiles")).isEmpty();
            assertThat(trust.get("pins")).extracting(JsonNode::asText).containsExactly(pin);
        }
    }
}
