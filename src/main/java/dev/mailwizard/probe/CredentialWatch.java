package dev.mailwizard.probe;

import dev.mailwizard.model.AuthMethod;
import dev.mailwizard.model.Credentials;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Records whether a login connection actually wrote the secret to the socket, whatever the
 * server answered afterwards ({@code credentialsSent} in the report: a help desk uses it to decide
 * whether a password must be changed). It looks, in the bytes Jakarta Mail writes before
 * encryption, for the forms a secret takes on the wire. A password: as is (IMAP LOGIN, POP3 PASS),
 * quoted (IMAP), Base64 alone (AUTH LOGIN) and inside a SASL PLAIN response. An OAuth2 token:
 * inside any Base64 SASL response (XOAUTH2, OAUTHBEARER), found by the Base64 of the token itself
 * at each of the three positions it can have in a Base64 stream.
 *
 * <p>A token must leave only that way: a write that would carry it as a password (as is, quoted,
 * in SASL PLAIN, or Base64 alone as in AUTH LOGIN) is refused with an IOException before any of it
 * reaches the socket. That catches Angus' IMAP fallback to LOGIN, which no property turns off.
 * Nothing it holds is ever shown; {@link #forget()} wipes it.
 */
final class CredentialWatch {
    /** A login dialogue is a few kilobytes; past this only a tail is kept for matching. */
    private static final int KEEP = 64 * 1024;
    static final String REFUSED = "MailWizard stopped Jakarta Mail from sending the access token as a password";
    private final List<byte[]> sentForms = new ArrayList<>();
    private final List<byte[]> refusedForms = new ArrayList<>();
    private final int longest;
    private byte[] written = new byte[1024];
    private int length;
    private volatile boolean sent;
    private volatile boolean refused;

    CredentialWatch(Credentials credentials) {
        char[] secret = credentials.password();
        char[] quotedChars = quoteForImap(secret);
        try {
            byte[] raw = utf8(secret);
            byte[] user = credentials.username().getBytes(StandardCharsets.UTF_8);
            byte[] quoted = utf8(quotedChars);
            List<byte[]> asPassword = new ArrayList<>(List.of(raw, quoted,
                    base64Wiped(concat(new byte[]{0}, user, new byte[]{0}, raw)),
                    base64Wiped(concat(user, new byte[]{0}, user, new byte[]{0}, raw))));
            if (credentials.method() == AuthMethod.OAUTH2) {
                refusedForms.addAll(asPassword);
                // AUTH LOGIN sends the Base64 of the token as a line of its own; inside a SASL response it may
                // appear too, so only the whole line is refused.
                refusedForms.add(concat("\r\n".getBytes(StandardCharsets.US_ASCII), Base64.getEncoder().encode(raw),
                        "\r\n".getBytes(StandardCharsets.US_ASCII)));
                sentForms.addAll(SecretForms.base64Cores(raw));
            } else {
                sentForms.addAll(asPassword);
                sentForms.add(Base64.getEncoder().encode(raw));
            }
        } finally {
            Arrays.fill(secret, '\0');
            Arrays.fill(quotedChars, '\0');
        }
        sentForms.removeIf(f -> f.length == 0);
        refusedForms.removeIf(f -> f.length == 0);
        longest = java.util.stream.Stream.concat(sentForms.stream(), refusedForms.stream()).mapToInt(f -> f.length).max().orElse(0);
    }

    /** True once the secret, in any of its wire forms, was written. */
    boolean sent() {
        return sent;
    }

    /** True when a write was refused because it carried the token as a password. */
    boolean refused() {
        return refused;
    }

    /** Wraps a socket's output stream so that what goes out is checked. */
    OutputStream watch(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (!admits(b, off, len)) {
                    throw new IOException(REFUSED);
                }
                out.write(b, off, len);
                seen(b, off, len);
            }
        };
    }

    /** False when these bytes, after what was written before, would complete a refused form. */
    synchronized boolean admits(byte[] b, int off, int len) {
        if (refusedForms.isEmpty() || len <= 0) {
            return true;
        }
        int tail = Math.min(length, longest - 1);
        byte[] window = new byte[tail + len];
        System.arraycopy(written, length - tail, window, 0, tail);
        System.arraycopy(b, off, window, tail, len);
        try {
            for (byte[] form : refusedForms) {
                if (indexOf(window, window.length, form, 0) >= 0) {
                    refused = true;
                    return false;
                }
            }
            return true;
        } finally {
            Arrays.fill(window, (byte) 0);
        }
    }

    /** Called after bytes were handed to the socket. */
    synchronized void seen(byte[] b, int off, int len) {
        if (sentForms.isEmpty() || len <= 0) {
            return;
        }
        if (length + len > KEEP) {
            int keep = Math.min(length, longest);
            System.arraycopy(written, length - keep, written, 0, keep);
            Arrays.fill(written, keep, length, (byte) 0);
            length = keep;
        }
        if (length + len > written.length) {
            byte[] bigger = Arrays.copyOf(written, Math.max(written.length * 2, length + len));
            Arrays.fill(written, (byte) 0);
            written = bigger;
        }
        int from = Math.max(0, length - longest + 1);
        System.arraycopy(b, off, written, length, len);
        length += len;
        if (sent) {
            return;
        }
        for (byte[] form : sentForms) {
            if (indexOf(written, length, form, from) >= 0) {
                sent = true;
                return;
            }
        }
    }

    /** Wipes everything it kept. */
    synchronized void forget() {
        sentForms.forEach(f -> Arrays.fill(f, (byte) 0));
        refusedForms.forEach(f -> Arrays.fill(f, (byte) 0));
        Arrays.fill(written, (byte) 0);
        length = 0;
    }

    private static int indexOf(byte[] hay, int hayLength, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hayLength - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static char[] quoteForImap(char[] password) {
        StringBuilder b = new StringBuilder();
        for (char c : password) {
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        char[] out = new char[b.length()];
        b.getChars(0, b.length(), out, 0);
        b.setLength(0);
        return out;
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
        Arrays.fill(buffer.array(), (byte) 0);
        return out;
    }

    /** Base64 of a temporary array, which is wiped. */
    private static byte[] base64Wiped(byte[] data) {
        byte[] out = Base64.getEncoder().encode(data);
        Arrays.fill(data, (byte) 0);
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
