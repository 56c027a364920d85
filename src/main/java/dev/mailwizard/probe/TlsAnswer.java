package dev.mailwizard.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * What a server's first TLS record says in answer to a ClientHello: a ServerHello (with the
 * version the server picked), an alert, nothing (it hung up), or something that is not TLS.
 * {@code version} is the wire version (0x0301 = TLS 1.0) of a ServerHello, {@code alert} the
 * description of an alert; both -1 otherwise.
 */
record TlsAnswer(Kind kind, int version, int alert) {
    enum Kind { SERVER_HELLO, ALERT, CLOSED, NOT_TLS }

    private static final int HANDSHAKE = 22;
    private static final int ALERT_RECORD = 21;
    private static final int SERVER_HELLO_TYPE = 2;
    private static final int MAX_RECORD = 16384 + 2048;
    /** Enough of the first record to judge it: header (5) + handshake header (4) + server_version (2). */
    private static final int NEEDED = 11;

    /**
     * Reads only as much of the first record as the verdict needs (never more than {@value #NEEDED}
     * bytes, so an alert followed by silence does not block), each read bounded by the deadline.
     */
    static TlsAnswer read(Socket socket, Deadline deadline) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        int want = 5;
        while (got.size() < want) {
            if (deadline.expired()) {
                throw new SocketTimeoutException("no complete answer to the ClientHello in time");
            }
            socket.setSoTimeout(deadline.remainingMillis());
            byte[] buf = new byte[want - got.size()];
            int n = in.read(buf);
            if (n < 0) {
                break;
            }
            got.write(buf, 0, n);
            if (got.size() == 5) {
                want = bytesToJudge(got.toByteArray());
            }
        }
        return parse(got.toByteArray());
    }

    /** How many bytes (header included) it takes to judge a record with this header. */
    private static int bytesToJudge(byte[] header) {
        int length = u16(header, 3);
        if (header[1] != 3 || length > MAX_RECORD) {
            return 5; // not TLS: judge it without waiting for more
        }
        if (header[0] == ALERT_RECORD) {
            return 5 + Math.min(length, 2);
        }
        return header[0] == HANDSHAKE ? 5 + Math.min(length, NEEDED - 5) : 5;
    }

    /** Judges the first bytes of a server's answer; pure, for any bytes whatsoever. */
    static TlsAnswer parse(byte[] b) {
        if (b.length == 0) {
            return new TlsAnswer(Kind.CLOSED, -1, -1);
        }
        if (b.length < 5 || b[1] != 3 || u16(b, 3) == 0 || u16(b, 3) > MAX_RECORD) {
            return notTls();
        }
        int length = u16(b, 3);
        if (b[0] == ALERT_RECORD && length >= 2 && b.length >= 7) {
            return new TlsAnswer(Kind.ALERT, -1, b[6] & 0xff);
        }
        if (b[0] == HANDSHAKE && length >= 6 && b.length >= NEEDED && b[5] == SERVER_HELLO_TYPE) {
            return new TlsAnswer(Kind.SERVER_HELLO, u16(b, 9), -1);
        }
        return notTls();
    }

    private static TlsAnswer notTls() {
        return new TlsAnswer(Kind.NOT_TLS, -1, -1);
    }

    /** "TLS 1.0" for 0x0301, "SSL 3.0" for 0x0300, ... */
    static String versionWords(int version) {
        return switch (version) {
            case 0x0300 -> "SSL 3.0";
            case 0x0301 -> "TLS 1.0";
            case 0x0302 -> "TLS 1.1";
            case 0x0303 -> "TLS 1.2";
            case 0x0304 -> "TLS 1.3";
            default -> String.format("version 0x%04x", version);
        };
    }

    /** The name of a TLS alert (RFC 8446 §6, RFC 7507), as Java prints it. */
    static String alertName(int description) {
        return switch (description) {
            case 0 -> "close_notify";
            case 10 -> "unexpected_message";
            case 40 -> "handshake_failure";
            case 47 -> "illegal_parameter";
            case 50 -> "decode_error";
            case 70 -> "protocol_version";
            case 71 -> "insufficient_security";
            case 80 -> "internal_error";
            case 86 -> "inappropriate_fallback";
            case 112 -> "unrecognized_name";
            default -> "alert " + description;
        };
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }
}
