package dev.mailwizard.probe;

import dev.mailwizard.model.AuthMethod;
import dev.mailwizard.model.Credentials;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Hides an OAuth2 token in server text before MailWizard keeps it (transcript, reply, detail): a
 * server may echo what it received, the token or the Base64 response that carries it, whole or
 * cut short. Every stretch of text that shares {@link #WINDOW} characters in a row with the token
 * or with its Base64 forms ({@link SecretForms#base64Cores}) becomes {@code <redacted>}. It keeps
 * only 64-bit hashes of those windows, never the token's text.
 *
 * <p>Passwords are left to the rule that nothing we send is written down: a short or word-like
 * password would hide ordinary words of a reply.
 */
final class TokenRedactor implements UnaryOperator<String> {
    static final int WINDOW = 8;
    private static final String HIDDEN = "<redacted>";
    private final Set<Long> windows = new HashSet<>();
    private final int window;

    private TokenRedactor(List<CharBuffer> forms) {
        int shortest = forms.stream().mapToInt(CharBuffer::length).filter(n -> n > 0).min().orElse(WINDOW);
        window = Math.min(WINDOW, shortest);
        for (CharBuffer form : forms) {
            for (int i = 0; i + window <= form.length(); i++) {
                windows.add(hash(form, i, window));
            }
        }
    }

    /** A redactor for this secret: one that hides a token, or one that changes nothing for a password. */
    static TokenRedactor of(Credentials credentials) {
        if (credentials == null || credentials.method() != AuthMethod.OAUTH2) {
            return new TokenRedactor(List.of());
        }
        char[] token = credentials.password();
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(token));
        byte[] raw = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
        Arrays.fill(encoded.array(), (byte) 0);
        List<CharBuffer> forms = new ArrayList<>();
        forms.add(CharBuffer.wrap(token));
        for (byte[] core : SecretForms.base64Cores(raw)) {
            forms.add(StandardCharsets.US_ASCII.decode(ByteBuffer.wrap(core)));
            Arrays.fill(core, (byte) 0);
        }
        Arrays.fill(raw, (byte) 0);
        try {
            return new TokenRedactor(forms);
        } finally {
            forms.forEach(f -> Arrays.fill(f.array(), '\0'));
        }
    }

    @Override
    public String apply(String text) {
        if (text == null || windows.isEmpty() || text.length() < window) {
            return text;
        }
        boolean[] hidden = new boolean[text.length()];
        boolean any = false;
        for (int i = 0; i + window <= text.length(); i++) {
            if (windows.contains(hash(text, i, window))) {
                Arrays.fill(hidden, i, i + window, true);
                any = true;
            }
        }
        if (!any) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!hidden[i]) {
                out.append(text.charAt(i));
            } else if (i == 0 || !hidden[i - 1]) {
                out.append(HIDDEN);
            }
        }
        return out.toString();
    }

    /** Drops what it knows; afterwards it changes nothing. */
    void forget() {
        windows.clear();
    }

    /** FNV-1a over {@code length} chars from {@code from}. */
    private static long hash(CharSequence s, int from, int length) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < from + length; i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
