package dev.mailwizard.probe;

import static dev.mailwizard.probe.ProbeHarness.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code credentialsSent} records what was written to the socket, whatever came back: a help desk
 * decides on it whether a password must be changed. Checked against what the server received.
 */
class CredentialsSentTest {
    private static ProbeResult probe(OddLoginImapServer server) {
        Endpoint e = new Endpoint(Protocol.IMAP, HOST, server.port(), Security.TLS);
        return new ProbeRun(List.of(new PlannedProbe(e, true)), options(Duration.ofSeconds(5), PASSWORD), trust(), loopback(),
                ProbeListener.NONE).execute().get(0);
    }

    private static boolean serverReceivedPassword(OddLoginImapServer server) {
        String plain = Base64.getEncoder().encodeToString(("\0" + USER + "\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return server.received().stream().anyMatch(r -> r.line().contains(PASSWORD) || r.line().contains(plain));
    }

    @Test
    void passwordSentWithLoginThenByeIsRecordedAsSent() {
        try (var server = new OddLoginImapServer(GOOD_CERT.serverContext(), OddLoginImapServer.Answer.BYE_AFTER_LOGIN)) {
            ProbeResult r = probe(server);
            assertThat(serverReceivedPassword(server)).as("the server got the password").isTrue();
            assertThat(r.login().attempted()).isTrue();
            assertThat(r.login().result()).isNotEqualTo(LoginStatus.OK);
            assertThat(r.credentialsSent()).as(r.detail()).isTrue();
            assertThat(r.login().detail()).contains("the password had already been sent");
        }
    }

    @Test
    void passwordSentWithAuthenticatePlainThenByeIsRecordedAsSent() {
        try (var server = new OddLoginImapServer(GOOD_CERT.serverContext(), OddLoginImapServer.Answer.BYE_AFTER_AUTHENTICATE)) {
            ProbeResult r = probe(server);
            assertThat(serverReceivedPassword(server)).as("the server got the password").isTrue();
            assertThat(r.credentialsSent()).as(r.detail()).isTrue();
        }
    }

    @Test
    void authenticateRefusedBeforeAnyCredentialIsRecordedAsNotSent() {
        try (var server = new OddLoginImapServer(GOOD_CERT.serverContext(), OddLoginImapServer.Answer.REFUSE_AUTHENTICATE)) {
            ProbeResult r = probe(server);
            assertThat(server.authAttempts()).isEqualTo(1);
            assertThat(serverReceivedPassword(server)).as("no password reached the server").isFalse();
            assertThat(r.credentialsSent()).as(r.detail()).isFalse();
        }
    }
}
