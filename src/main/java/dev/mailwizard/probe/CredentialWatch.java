package dev.mailwizard.probe;

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
 * Records whether a login connection actually wrote the password to the socket, whatever the
 * server answered afterwards ({@code credentialsSent} in the report: a help desk uses it to decide
 * whether a password must be changed). It looks, in the bytes Jakarta Mail writes before
 * encryption, for the forms a password takes on the wire: as is (IMAP LOGIN, POP3 PASS), quoted
 * (IMAP), Base64 alone (AUTH LOGIN) and inside a SASL PLAIN response. Nothing it holds is ever
 * shown; {@link #forget()} wipes it.
 */
final class CredentialWatch {
    /** A login dialogue is a few hundred bytes; past this only a tail is kept for matching. */
    private static final int KEEP = 64 * 1024;
    private final List<byte[]> forms = new ArrayList<>();
    private final int longest;
    private byte[] written = new byte[1024];
    private int length;
    private volatile boolean sent;

    CredentialWatch(Credentials credentials) {
        char[] password = credentials.password();
        char[] quotedChars = quoteForImap(password);
        try {
            byte[] raw = utf8(password);
            byte[] user = credentials.username().getBytes(StandardCharsets.UTF_8);
            forms.add(raw);
            byte[] quoted = utf8(quotedChars);
            if (Arrays.equals(quoted, raw)) {
                Arrays.fill(quoted, (byte) 0);
            } else {
                forms.add(quoted);
            }
            forms.add(Base64.getEncoder().encode(raw));
            forms.add(base64Wiped(concat(new byte[]{0}, user, new byte[]{0}, raw)));
            forms.add(base64Wiped(concat(user, new byte[]{0}, user, new byte[]{0}, raw)));
        } finally {
            Arrays.fill(password, '\0');
            Arrays.fill(quotedChars, '\0');
        }
        forms.removeIf(f -> f.length == 0);
        longest = forms.stream().mapToInt(f -> f.length).max().orElse(0);
    }

    /** True once the password, in any of its wire forms, was written. */
    boolean sent() {
        return sent;
    }

    /** Wraps a socket's output stream so that what goes out is checked. */
    OutputStream watch(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                seen(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                seen(b, off, len);
            }
        };
    }

    /** Called after bytes were handed to the socket. */
    synchronized void seen(byte[] b, int off, int len) {
        if (sent || forms.isEmpty() || len <= 0) {
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
        for (byte[] form : forms) {
            if (indexOf(written, length, form, from) >= 0) {
                sent = true;
                return;
            }
        }
    }

    /** Wipes everything it kept. */
    synchronized void forget() {
        forms.forEach(f -> Arrays.fill(f, (byte) 0));
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
