package dev.mailwizard.mta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What {@code mailwizard probe --oauth2-token-stdin} tells a person whose provider's authorization
 * server is down (nothing listens where Dovecot asks about tokens while this class runs): Dovecot's
 * IMAP and POP3 say so, and the report says TEMPORARY; Postfix's reply reads like a refused token,
 * so the report can only say TOKEN_REJECTED.
 */
@Tag("real-mta")
class RealOAuth2IssuerDownProbeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    // Any token: Dovecot cannot ask anyone about it.
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZUBtYWlsd2l6YXJkLnRlc3QifQ.c2lnbmF0dXJl";

    private static Map<String, String> env;

    @BeforeAll
    static void nothingListensWhereDovecotAsks() throws Exception {
        env = MtaEnvironment.load();
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(env.get("MTA_OAUTH_PORT"))), 2000);
            }
        }).as("the authorization server's port must be closed for this test").isInstanceOf(ConnectException.class);
    }

    @Test
    void dovecotsTemporaryFailureIsTemporaryAndPostfixsIsATokenRefusal() throws Exception {
        JsonNode imap = refusedLogin("--port", "imap:993");
        assertThat(imap.at("/login/diagnosis").asText()).isEqualTo("TEMPORARY");
        // Dovecot ends the reply with its host name and time in brackets.
        assertThat(imap.at("/login/reply").asText()).startsWith("[UNAVAILABLE] Temporary authentication failure. [");

        JsonNode pop3 = refusedLogin("--port", "pop3:995");
        assertThat(pop3.at("/login/diagnosis").asText()).isEqualTo("TEMPORARY");
        assertThat(pop3.at("/login/reply").asText()).startsWith("[SYS/TEMP] Temporary authentication failure. [");

        JsonNode smtp = refusedLogin("--port", "587");
        assertThat(smtp.at("/login/diagnosis").asText()).isEqualTo("TOKEN_REJECTED");
        assertThat(smtp.at("/login/reply").asText()).isEqualTo("535 5.7.8 Error: authentication failed: (reason unavailable)");
    }

    /** Probes with the token on the given ports: exit 3 and exactly one login, refused; returns its probe. */
    private static JsonNode refusedLogin(String... ports) throws Exception {
        List<String> args = new ArrayList<>(List.of("probe", env.get("MTA_USER"), "--host", env.get("MTA_HOST"), "--resolve", env.get("MTA_HOST") + ":127.0.0.1",
                "--trust-ca", env.get("MTA_CA"), "--oauth2-token-stdin", "--json", "--timeout", "20"));
        args.addAll(List.of(ports));
        InProcessCli.Result r;
        try {
            r = InProcessCli.run(TOKEN + "\n", null, args);
        } finally {
            clearDovecotsAuthPenalty();
        }
        assertThat(r.exit()).as(r.toString()).isEqualTo(3);
        List<JsonNode> attempted = StreamSupport.stream(JSON.readTree(r.out()).get("probes").spliterator(), false)
                .filter(p -> p.at("/login/attempted").asBoolean()).toList();
        assertThat(attempted).hasSize(1);
        assertThat(attempted.get(0).get("outcome").asText()).isEqualTo("LOGIN_REJECTED");
        assertThat(attempted.get(0).at("/login/method").asText()).isEqualTo("oauth2");
        return attempted.get(0);
    }

    /** A good login (a password: no token can pass now) clears Dovecot's growing delay after failures (see TokenLoginDialogue). */
    private static void clearDovecotsAuthPenalty() throws Exception {
        Properties props = new Properties();
        props.put("mail.imaps.ssl.socketFactory", MtaTrust.context(env).getSocketFactory());
        props.put("mail.imaps.ssl.checkserveridentity", "true");
        try (Store store = Session.getInstance(props).getStore("imaps")) {
            store.connect(env.get("MTA_HOST"), 993, env.get("MTA_USER"), env.get("MTA_PASSWORD"));
        }
    }
}
