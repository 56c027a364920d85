package dev.mailwizard.report;

import static dev.mailwizard.probe.TestTokens.OTHER_TOKEN;
import static dev.mailwizard.probe.TestTokens.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailwizard.cli.ExitCodes;
import dev.mailwizard.demo.DemoPki;
import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.demo.ServerBehaviour;
import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.Credentials;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.HostMapping;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;
import dev.mailwizard.model.ServerCandidate;
import dev.mailwizard.probe.AddressResolver;
import dev.mailwizard.probe.PlannedProbe;
import dev.mailwizard.probe.PortMatrix;
import dev.mailwizard.probe.ProbeJob;
import dev.mailwizard.probe.ProbeListener;
import dev.mailwizard.probe.ProbeOptions;
import dev.mailwizard.probe.ProbeReport;
import dev.mailwizard.probe.ProbeRequest;
import dev.mailwizard.probe.TestTokens;
import dev.mailwizard.probe.TrustMaterial;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A token login as the faces show it: method, mechanism and authMethod, and never a piece of the token. */
class TokenReportTest {
    private static final String HOST = "mail.demo.test";
    private static final String USER = "alice@demo.test";
    private static final DemoPki PKI = DemoPki.newAuthority("Token Report Test CA");

    private static ProbeReport run(ScriptedSmtpServer server, String token) {
        Endpoint e = Endpoint.smtp(HOST, server.port(), Security.TLS);
        ProbeOptions options = new ProbeOptions(Duration.ofSeconds(5), Credentials.withToken(USER, token.toCharArray()), false, null, USER);
        ProbeRequest request = new ProbeRequest(USER, List.of(new PortMatrix.PortMode(Protocol.SMTP, server.port(), Security.TLS)), options, false);
        List<ServerCandidate> typed = List.of(new ServerCandidate(Protocol.SMTP, HOST, null, null, CandidateSource.USER, true, "typed"));
        return new ProbeJob(request, typed, List.of(new PlannedProbe(e, true)), TrustMaterial.only(List.of(PKI.caCertificate())),
                new AddressResolver(List.of(new HostMapping(HOST, InetAddress.getLoopbackAddress()))), ProbeListener.NONE).run();
    }

    private static ServerBehaviour.Builder xoauth2Server() {
        return ServerBehaviour.builder().implicitTls(PKI.issue(HOST).serverContext()).authAfterTls("PLAIN", "XOAUTH2").user(USER, TOKEN);
    }

    @Test
    void anAcceptedTokenReadsAsSignedInWithOAuth2() throws Exception {
        try (var server = ScriptedSmtpServer.start(xoauth2Server().build())) {
            ProbeReport report = run(server, TOKEN);
            JsonNode json = new ObjectMapper().readTree(JsonReport.write(report, true));
            JsonNode login = json.get("probes").get(0).get("login");
            assertThat(login.get("method").asText()).isEqualTo("oauth2");
            assertThat(login.get("mechanism").asText()).isEqualTo("XOAUTH2");
            assertThat(json.get("recommended").get("authMethod").asText()).isEqualTo("oauth2");
            assertThat(new TextReport(false).render(report, false)).contains("Login:     " + USER + ", signed in with OAuth2 (XOAUTH2)");
            assertThat(ExitCodes.of(report.verdict())).isZero();
        }
    }

    @Test
    void aServerThatEchoesTheTokenLeavesNoPieceOfItInAnyFace() throws Exception {
        String response = Base64.getEncoder().encodeToString(("user=" + USER + "\u0001auth=Bearer " + OTHER_TOKEN + "\u0001\u0001")
                .getBytes(StandardCharsets.UTF_8));
        try (var server = ScriptedSmtpServer.start(xoauth2Server().answerAuthWith("535-5.7.8 bad token " + OTHER_TOKEN.substring(200, 260),
                "535-5.7.8 you sent " + OTHER_TOKEN, "535 5.7.8 as " + response).build())) {
            ProbeReport report = run(server, OTHER_TOKEN);
            String json = JsonReport.write(report, true);
            String text = new TextReport(false).render(report, true);
            assertThat(json).contains("TOKEN_REJECTED", "<redacted>");
            for (String piece : TestTokens.pieces(OTHER_TOKEN)) {
                assertThat(json).doesNotContain(piece);
                assertThat(text).doesNotContain(piece);
            }
            assertThat(ExitCodes.of(report.verdict())).isEqualTo(ExitCodes.LOGIN_REJECTED);
        }
    }
}
