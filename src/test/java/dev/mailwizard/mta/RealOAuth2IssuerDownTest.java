package dev.mailwizard.mta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwizard.mta.TokenLoginDialogue.Service;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the real Dovecot and Postfix answer to a token when their authorization server cannot be
 * reached (nothing listens on its port while this class runs): IMAP says the failure is temporary,
 * Postfix's SMTP reply reads like a refused token.
 */
@Tag("real-mta")
class RealOAuth2IssuerDownTest {
    // Any token: Dovecot cannot ask anyone about it.
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZUBtYWlsd2l6YXJkLnRlc3QifQ.c2lnbmF0dXJl";

    private static Map<String, String> env;
    private static SSLContext tls;

    @BeforeAll
    static void nothingListensWhereDovecotAsks() throws Exception {
        env = MtaEnvironment.load();
        tls = MtaTrust.context(env);
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(env.get("MTA_OAUTH_PORT"))), 2000);
            }
        }).as("the authorization server's port must be closed for this test").isInstanceOf(ConnectException.class);
    }

    @Test
    void imapSaysTemporaryAndPostfixSays535() throws Exception {
        String user = env.get("MTA_USER");
        ServerLog dovecot = ServerLog.from(Path.of(env.get("MTA_DOVECOT_LOG")));
        try (TokenLoginDialogue d = TokenLoginDialogue.open(Service.IMAPS, env.get("MTA_HOST"), tls)) {
            List<String> answer = d.authenticate("XOAUTH2", TokenLoginDialogue.xoauth2(user, TOKEN), true);
            // No error challenge; the reply ends with Dovecot's host name and time in brackets.
            assertThat(answer).singleElement().asString().startsWith("a NO [UNAVAILABLE] Temporary authentication failure. [");
        }
        try (TokenLoginDialogue d = TokenLoginDialogue.open(Service.SUBMISSION_STARTTLS, env.get("MTA_HOST"), tls)) {
            assertThat(d.authenticate("XOAUTH2", TokenLoginDialogue.xoauth2(user, TOKEN), true))
                    .containsExactly("535 5.7.8 Error: authentication failed: (reason unavailable)");
        }
        assertThat(dovecot.await(l -> l.contains("oauth2 failed: Introspection failed: connect(127.0.0.1:" + env.get("MTA_OAUTH_PORT") + ") failed: Connection refused"), 2))
                .hasSize(2);
        // A good login clears Dovecot's growing delay after failures (see RealOAuth2LoginTest).
        Properties props = new Properties();
        props.put("mail.imaps.ssl.socketFactory", tls.getSocketFactory());
        props.put("mail.imaps.ssl.checkserveridentity", "true");
        try (Store store = Session.getInstance(props).getStore("imaps")) {
            store.connect(env.get("MTA_HOST"), 993, user, env.get("MTA_PASSWORD"));
        }
    }
}
