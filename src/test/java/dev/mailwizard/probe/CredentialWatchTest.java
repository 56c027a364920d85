package dev.mailwizard.probe;

import static dev.mailwizard.probe.TestTokens.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwizard.model.Credentials;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** What counts as a secret sent, and what a token login refuses to write, checked on the bytes that reach the socket. */
class CredentialWatchTest {
    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTokenInsideAnyXoauth2OrOauthBearerResponseCountsAsSent() throws IOException {
        // User names of three lengths put the token at each of the three positions of a Base64 group.
        for (String user : new String[]{"a@b.c", "ab@b.c", "abc@b.c"}) {
            for (String response : new String[]{"user=" + user + "\u0001auth=Bearer " + TOKEN + "\u0001\u0001",
                    "n,a=" + user + ",\u0001host=mail.demo.test\u0001port=587\u0001auth=Bearer " + TOKEN + "\u0001\u0001"}) {
                CredentialWatch watch = new CredentialWatch(Credentials.withToken(user, TOKEN.toCharArray()));
                OutputStream out = watch.watch(new ByteArrayOutputStream());
                write(out, "EHLO [127.0.0.1]\r\nAUTH XOAUTH2\r\n");
                assertThat(watch.sent()).isFalse();
                write(out, b64(response) + "\r\n");
                assertThat(watch.sent()).as(user).isTrue();
            }
        }
    }

    @Test
    void aTokenNeverLeavesAsAPassword() {
        String[] asPassword = {"A3 LOGIN alice@demo.test " + TOKEN + "\r\n", "A3 LOGIN alice@demo.test \"" + TOKEN + "\"\r\n",
                "AUTH PLAIN " + b64("\0alice@demo.test\0" + TOKEN) + "\r\n", "PASS " + TOKEN + "\r\n"};
        for (String line : asPassword) {
            CredentialWatch watch = new CredentialWatch(Credentials.withToken("alice@demo.test", TOKEN.toCharArray()));
            ByteArrayOutputStream socket = new ByteArrayOutputStream();
            assertThatThrownBy(() -> write(watch.watch(socket), line)).isInstanceOf(IOException.class);
            assertThat(socket.size()).as(line).isZero();
            assertThat(watch.refused()).isTrue();
            assertThat(watch.sent()).isFalse();
        }
        // AUTH LOGIN: the Base64 of the token alone, on a line of its own.
        CredentialWatch watch = new CredentialWatch(Credentials.withToken("alice@demo.test", TOKEN.toCharArray()));
        ByteArrayOutputStream socket = new ByteArrayOutputStream();
        OutputStream out = watch.watch(socket);
        assertThatThrownBy(() -> {
            write(out, "AUTH LOGIN " + b64("alice@demo.test") + "\r\n");
            write(out, b64(TOKEN) + "\r\n");
        }).isInstanceOf(IOException.class);
        assertThat(socket.toString(StandardCharsets.US_ASCII)).doesNotContain(b64(TOKEN));
    }

    @Test
    void aPasswordIsWatchedAsBeforeAndNeverRefused() throws IOException {
        CredentialWatch watch = new CredentialWatch(new Credentials("alice@demo.test", "hunter2".toCharArray()));
        ByteArrayOutputStream socket = new ByteArrayOutputStream();
        write(watch.watch(socket), "AUTH PLAIN " + b64("\0alice@demo.test\0hunter2") + "\r\n");
        assertThat(watch.sent()).isTrue();
        assertThat(watch.refused()).isFalse();
        assertThat(socket.size()).isPositive();
    }
}
