package dev.mailwizard.probe;

import dev.mailwizard.demo.ScriptedServer;
import dev.mailwizard.model.Credentials;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Access tokens shaped like the real ones (for alice@demo.test) (a signed JWT: header.payload.signature, Base64url),
 * of the lengths Google and Microsoft hand out (about 1,200 to 2,000 characters), and what a
 * scripted server received of them.
 */
public final class TestTokens {
    private static final String USER = "alice@demo.test";
    /** A token of about 1,500 characters, the middle of the real range. */
    public static final String TOKEN = jwt(1500, 1);
    /** Another user's (or an expired) token of the same shape. */
    public static final String OTHER_TOKEN = jwt(1500, 2);

    private TestTokens() {
    }

    /** A JWT of about {@code length} characters; the same seed gives the same token. */
    public static String jwt(int length, long seed) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"RS256\",\"kid\":\"demo-key\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        Random random = new Random(seed);
        byte[] signature = new byte[Math.min(256, length / 4)];
        random.nextBytes(signature);
        StringBuilder claims = new StringBuilder("{\"iss\":\"https://login.demo.test/\",\"sub\":\"" + random.nextLong()
                + "\",\"aud\":\"mail\",\"email\":\"" + USER + "\",\"roles\":[");
        String token;
        do {
            claims.append("\"role-").append(Long.toHexString(random.nextLong())).append("\",");
            String payload = url.encodeToString((claims + "\"end\"]}").getBytes(StandardCharsets.UTF_8));
            token = header + "." + payload + "." + url.encodeToString(signature);
        } while (token.length() < length);
        return token;
    }

    static ProbeOptions options(String token) {
        return new ProbeOptions(Duration.ofSeconds(5), Credentials.withToken(USER, token.toCharArray()), false, null, USER);
    }

    /** The decoded SASL response a server received on the line after {@code index}, ^A shown as "^A". */
    static String decodedLine(ScriptedServer server, int index) {
        String line = server.received().get(index).line();
        String b64 = line.contains(" ") ? line.substring(line.lastIndexOf(' ') + 1) : line;
        return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8).replace("\u0001", "^A");
    }

    /** Index of the first received line that starts with {@code prefix} (any case), or -1. */
    static int indexOf(ScriptedServer server, String prefix) {
        List<ScriptedServer.Received> lines = server.received();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).line().regionMatches(true, 0, prefix, 0, prefix.length())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Pieces of the token a report must never show: every 9-character piece of the token and of
     * each Base64 form it can take inside a SASL response.
     */
    public static List<String> pieces(String token) {
        java.util.Set<String> pieces = new java.util.LinkedHashSet<>();
        List<String> forms = new java.util.ArrayList<>(List.of(token));
        // The token after 0, 1 or 2 other bytes, Base64-encoded: without the groups that hold those bytes
        // and without the last group, what is left appears in any encoding that carries the token.
        for (String before : List.of("", "x", "xy")) {
            String encoded = Base64.getEncoder().encodeToString((before + token).getBytes(StandardCharsets.UTF_8));
            forms.add(encoded.substring(before.isEmpty() ? 0 : 4, encoded.length() - 4));
        }
        for (String form : forms) {
            for (int i = 0; i + 9 <= form.length(); i++) {
                pieces.add(form.substring(i, i + 9));
            }
        }
        return List.copyOf(pieces);
    }
}
