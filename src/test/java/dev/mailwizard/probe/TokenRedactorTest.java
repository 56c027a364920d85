package dev.mailwizard.probe;

import static dev.mailwizard.probe.TestTokens.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.model.Credentials;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Server text that echoes a token, whole, cut or Base64-encoded, keeps none of it. */
class TokenRedactorTest {
    private static final TokenRedactor REDACTOR = TokenRedactor.of(Credentials.withToken("alice@demo.test", TOKEN.toCharArray()));

    private static void assertHidesTheToken(String text) {
        String shown = REDACTOR.apply(text);
        assertThat(shown).contains("<redacted>");
        for (String piece : TestTokens.pieces(TOKEN)) {
            assertThat(shown).doesNotContain(piece);
        }
    }

    @Test
    void hidesTheTokenWholeCutAndInsideBase64() {
        assertHidesTheToken("535 5.7.8 token " + TOKEN + " rejected");
        assertHidesTheToken("NO bad token " + TOKEN.substring(100, 130) + "...");
        String response = Base64.getEncoder().encodeToString(("user=alice@demo.test\u0001auth=Bearer " + TOKEN + "\u0001\u0001")
                .getBytes(StandardCharsets.UTF_8));
        assertHidesTheToken("535 you sent " + response);
    }

    @Test
    void leavesOrdinaryRepliesAlone() {
        String reply = "535-5.7.8 Username and Password not accepted. Learn more at / 535 5.7.8 https://support.google.com/mail/answer/14257 ... - gsmtp";
        assertThat(REDACTOR.apply(reply)).isEqualTo(reply);
        assertThat(REDACTOR.apply("334 {\"status\":\"400\",\"schemes\":\"Bearer\",\"scope\":\"https://mail.google.com/\"}"))
                .doesNotContain("<redacted>");
    }

    @Test
    void aPasswordLoginChangesNothingAndAForgottenTokenNeither() {
        TokenRedactor password = TokenRedactor.of(new Credentials("alice@demo.test", "wrong".toCharArray()));
        assertThat(password.apply("something went wrong")).isEqualTo("something went wrong");
        TokenRedactor forgotten = TokenRedactor.of(Credentials.withToken("alice@demo.test", TOKEN.toCharArray()));
        forgotten.forget();
        assertThat(forgotten.apply(TOKEN)).isEqualTo(TOKEN);
    }
}
