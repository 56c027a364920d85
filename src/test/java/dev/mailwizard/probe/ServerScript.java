package dev.mailwizard.probe;

import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a {@link ReplayServer} plays, decoded from fuzzer bytes. The first byte chooses the
 * protocol the probe speaks, the security it asks for, the certificate the server has and
 * whether the server falls silent at the end; the rest are the server's turns, separated by NUL
 * bytes: turn 0 on connect, each next turn after a line from the client.
 *
 * <pre>
 * first byte b:  protocol = b % 3  (SMTP, IMAP, POP3)
 *                security = b / 3 % 3  (PLAIN, STARTTLS, TLS)
 *                tls      = b / 9 % 4  (NONE, UNTRUSTED, WRONG_HOST, VERIFIED)
 *                silentAtEnd = b / 36 == 7
 * </pre>
 */
record ServerScript(Protocol protocol, Security security, Tls tls, boolean silentAtEnd, List<byte[]> turns) {
    /** The certificate the server presents when it speaks TLS; NONE never speaks TLS. */
    enum Tls { NONE, UNTRUSTED, WRONG_HOST, VERIFIED }

    private static final Security[] SECURITIES = {Security.PLAIN, Security.STARTTLS, Security.TLS};

    static ServerScript decode(byte[] data) {
        int b = data.length == 0 ? 0 : data[0] & 0xff;
        List<byte[]> turns = new ArrayList<>();
        int start = 1;
        for (int i = 1; i <= data.length; i++) {
            if (i == data.length || data[i] == 0) {
                if (i > start || i < data.length) {
                    turns.add(Arrays.copyOfRange(data, start, i));
                }
                start = i + 1;
            }
        }
        return new ServerScript(Protocol.values()[b % 3], SECURITIES[b / 3 % 3], Tls.values()[b / 9 % 4], b / 36 == 7, turns);
    }

    @Override
    public String toString() {
        return protocol + " " + security + " (server TLS " + tls + (silentAtEnd ? ", silent at the end" : "") + ", " + turns.size() + " turns)";
    }

    /** Whether a client line asks to start TLS (SMTP STARTTLS, IMAP "tag STARTTLS", POP3 STLS). */
    static boolean asksForTls(String line) {
        String[] words = line.strip().split(" ");
        String last = words[words.length - 1];
        return last.equalsIgnoreCase("STARTTLS") || last.equalsIgnoreCase("STLS");
    }
}
