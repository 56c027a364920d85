package dev.mailwizard.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a client's first TLS record before Java's server side sees it, so a scripted server can
 * play servers Java cannot: an old server that hangs up, without a TLS alert, on a ClientHello
 * that offers none of its versions; or a TLS stack that answers every hello with an alert.
 */
final class HelloInspector {
    private static final int MAX_RECORD = 16384 + 2048;
    private static final int SUPPORTED_VERSIONS = 43;

    private HelloInspector() {
    }

    /** The first record, header included; shorter than its header says when the client hung up. */
    static byte[] readRecord(InputStream in) throws IOException {
        byte[] header = in.readNBytes(5);
        if (header.length < 5) {
            return header;
        }
        int length = Math.min(MAX_RECORD, u16(header, 3));
        byte[] body = in.readNBytes(length);
        byte[] record = new byte[5 + body.length];
        System.arraycopy(header, 0, record, 0, 5);
        System.arraycopy(body, 0, record, 5, body.length);
        return record;
    }

    /** Whether the ClientHello in {@code record} offers one of {@code protocols} ("TLSv1", "TLSv1.1", ...). */
    static boolean offersAny(byte[] record, List<String> protocols) {
        Set<Integer> offered = offeredVersions(record);
        return protocols.stream().anyMatch(p -> offered.contains(wireVersion(p)));
    }

    /**
     * The versions a ClientHello offers: its supported_versions extension when there is one (TLS
     * 1.3 clients), else every version from TLS 1.0 up to its client_version. Empty when it is not
     * a ClientHello.
     */
    static Set<Integer> offeredVersions(byte[] record) {
        Set<Integer> out = new HashSet<>();
        try {
            if (record[0] != 22 || record[5] != 1) {
                return out;
            }
            int clientVersion = u16(record, 9);
            int p = 11 + 32;                              // after client_version and random
            p += 1 + (record[p] & 0xff);                  // session_id
            p += 2 + u16(record, p);                      // cipher_suites
            p += 1 + (record[p] & 0xff);                  // compression_methods
            if (p + 2 <= record.length) {
                int end = Math.min(record.length, p + 2 + u16(record, p));
                p += 2;
                while (p + 4 <= end) {
                    int type = u16(record, p);
                    int len = u16(record, p + 2);
                    if (type == SUPPORTED_VERSIONS) {
                        for (int i = p + 5; i + 1 < p + 4 + len && i + 1 < record.length; i += 2) {
                            out.add(u16(record, i));
                        }
                        return out;
                    }
                    p += 4 + len;
                }
            }
            for (int v = 0x0301; v <= Math.min(clientVersion, 0x0303); v++) {
                out.add(v);
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            // a truncated hello offers what was read so far
        }
        return out;
    }

    /** Sends a fatal TLS alert in a TLS 1.0 record. */
    static void sendFatalAlert(OutputStream out, int description) throws IOException {
        out.write(new byte[]{21, 3, 1, 0, 2, 2, (byte) description});
        out.flush();
    }

    static int wireVersion(String protocol) {
        return switch (protocol) {
            case "TLSv1" -> 0x0301;
            case "TLSv1.1" -> 0x0302;
            case "TLSv1.2" -> 0x0303;
            case "TLSv1.3" -> 0x0304;
            default -> throw new IllegalArgumentException("unknown TLS protocol " + protocol);
        };
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }
}
