package dev.mailwizard.probe;

import static dev.mailwizard.probe.TestTokens.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.sasl.Sasl;
import javax.security.sasl.SaslClient;
import javax.security.sasl.SaslException;
import org.eclipse.angus.mail.auth.OAuth2SaslClientFactory;
import org.junit.jupiter.api.Test;

/** The XOAUTH2 / OAUTHBEARER client as Jakarta Mail drives it, and how Java SASL finds it. */
class TokenSaslClientTest {
    private static final Endpoint SMTP = new Endpoint(Protocol.SMTP, "smtp.example.test", 587, Security.STARTTLS);

    /** Jakarta Mail's callback handler: the user name and the token (given as the password). */
    private static CallbackHandler callbacks(String user, String token) {
        return cbs -> {
            for (var cb : cbs) {
                if (cb instanceof NameCallback n) {
                    n.setName(user);
                } else if (cb instanceof PasswordCallback p) {
                    p.setPassword(token.toCharArray());
                }
            }
        };
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8).replace("\u0001", "^A");
    }

    @Test
    void xoauth2SendsItsResponseThenAnswersTheErrorChallengeWithNothing() throws SaslException {
        TokenSaslLogin login = TokenSaslLogin.smtp("XOAUTH2", SMTP);
        SaslClient c = new TokenSaslClient(login, callbacks("alice@example.test", "ya29.token"));
        assertThat(c.hasInitialResponse()).isTrue();
        assertThat(text(c.evaluateChallenge(new byte[0]))).isEqualTo("user=alice@example.test^Aauth=Bearer ya29.token^A^A");
        assertThat(c.isComplete()).isFalse();
        byte[] error = "{\"status\":\"401\",\"schemes\":\"bearer\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(c.evaluateChallenge(error)).isEmpty();
        assertThat(c.isComplete()).isTrue();
        assertThat(login.errorChallenge()).contains("{\"status\":\"401\",\"schemes\":\"bearer\"}");
        assertThatThrownBy(() -> c.evaluateChallenge(error)).isInstanceOf(SaslException.class);
    }

    @Test
    void oauthBearerSendsTheGs2HeaderHostAndPortAndAcknowledgesAnErrorWithKvsep() throws SaslException {
        SaslClient c = new TokenSaslClient(TokenSaslLogin.smtp("OAUTHBEARER", SMTP), callbacks("a,b=c@example.test", "tok"));
        assertThat(text(c.evaluateChallenge(new byte[0])))
                .isEqualTo("n,a=a=2Cb=3Dc@example.test,^Ahost=smtp.example.test^Aport=587^Aauth=Bearer tok^A^A");
        assertThat(c.evaluateChallenge("{\"status\":\"invalid_token\"}".getBytes(StandardCharsets.UTF_8))).containsExactly(0x01);
    }

    @Test
    void aRealisticTokenIsNotPutOnTheSmtpAuthLineButFitsImapsLimit() {
        assertThat(new TokenSaslClient(TokenSaslLogin.smtp("XOAUTH2", SMTP), callbacks("alice@example.test", TOKEN)).hasInitialResponse()).isFalse();
        Endpoint imap = new Endpoint(Protocol.IMAP, "imap.example.test", 993, Security.TLS);
        assertThat(new TokenSaslClient(TokenSaslLogin.imap("XOAUTH2", imap), callbacks("alice@example.test", TOKEN)).hasInitialResponse()).isTrue();
    }

    @Test
    void javaSaslFindsOurClientOnlyForSessionsThatCarryATokenLogin() throws SaslException {
        OAuth2SaslClientFactory.init(); // Angus' own XOAUTH2, as its SASL authenticators register it
        TokenSaslProvider.install();
        CallbackHandler cbh = callbacks("alice@example.test", "tok");
        SaslClient ours = Sasl.createSaslClient(new String[]{"XOAUTH2"}, null, "smtp", "smtp.example.test",
                Map.of(TokenSaslLogin.PROPERTY, TokenSaslLogin.smtp("XOAUTH2", SMTP)), cbh);
        assertThat(ours).isInstanceOf(TokenSaslClient.class);
        SaslClient other = Sasl.createSaslClient(new String[]{"XOAUTH2"}, null, "smtp", "smtp.example.test", Map.of(), cbh);
        assertThat(other).isNotInstanceOf(TokenSaslClient.class);
        assertThat(Sasl.createSaslClient(new String[]{"OAUTHBEARER"}, null, "smtp", "smtp.example.test",
                Map.of(TokenSaslLogin.PROPERTY, TokenSaslLogin.smtp("XOAUTH2", SMTP)), cbh)).as("only the login's own mechanism").isNull();
    }
}
