package dev.mailwizard.probe;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;

/**
 * A plain socket that keeps a copy of the first bytes read after {@link #startTap()}. A TLS layer
 * reads through it too, so when a handshake fails we can tell a server that answered in plain
 * text (NOT_TLS, or injected SMTP lines after STARTTLS) from binary garbage.
 */
final class TappedSocket extends java.net.Socket {
    private static final int TAP_LIMIT = 256;
    private final ByteArrayOutputStream tap = new ByteArrayOutputStream();
    private InputStream tapped;

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (tapped == null) {
            tapped = new FilterInputStream(super.getInputStream()) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        record(new byte[]{(byte) b}, 0, 1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        record(b, off, n);
                    }
                    return n;
                }
            };
        }
        return tapped;
    }

    private synchronized void record(byte[] b, int off, int n) {
        int room = TAP_LIMIT - tap.size();
        if (room > 0) {
            tap.write(b, off, Math.min(room, n));
        }
    }

    /** Forgets what was read so far and records from now on. */
    synchronized void startTap() {
        tap.reset();
    }

    synchronized byte[] tapped() {
        return tap.toByteArray();
    }

    /** True when the tapped bytes look like a line of a text protocol (e.g. "220 ", "* OK", "+OK"). */
    synchronized boolean tappedLooksLikeText() {
        byte[] b = tap.toByteArray();
        if (b.length < 3) {
            return false;
        }
        int printable = 0;
        for (byte x : b) {
            if ((x >= 0x20 && x < 0x7f) || x == '\r' || x == '\n' || x == '\t') {
                printable++;
            }
        }
        // A TLS record starts with a content type 0x14..0x18, never printable ASCII.
        return b[0] >= 0x20 && printable * 10 >= b.length * 9;
    }
}
