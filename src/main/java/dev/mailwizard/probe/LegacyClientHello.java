package dev.mailwizard.probe;

import dev.mailwizard.model.HostNames;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * The canned ClientHello of the diagnosis-only handshake: it offers TLS 1.0 and 1.1 (record
 * version 0x0301, client_version 0x0302, so a server that speaks 1.1 picks 1.1) with the cipher
 * suites old servers have. It is canned because Java 17 cannot, and must not, speak TLS 1.0/1.1;
 * nothing follows it, as only the version in the server's answer is wanted.
 */
final class LegacyClientHello {
    static final int CLIENT_VERSION = 0x0302;
    private static final int[] CIPHER_SUITES = {
        0xC00A, 0xC009,          // TLS_ECDHE_ECDSA_WITH_AES_256/128_CBC_SHA
        0xC014, 0xC013,          // TLS_ECDHE_RSA_WITH_AES_256/128_CBC_SHA
        0x0039, 0x0033,          // TLS_DHE_RSA_WITH_AES_256/128_CBC_SHA
        0x0035, 0x002F,          // TLS_RSA_WITH_AES_256/128_CBC_SHA
        0x000A, 0x0005,          // TLS_RSA_WITH_3DES_EDE_CBC_SHA, TLS_RSA_WITH_RC4_128_SHA: old servers may have only these
        0x00FF,                  // TLS_EMPTY_RENEGOTIATION_INFO_SCSV
        // TLS_FALLBACK_SCSV (RFC 7507): a server that speaks something newer than 1.1 must answer
        // inappropriate_fallback instead of picking 1.0/1.1, so a ServerHello really is its best.
        0x5600,
    };
    private static final int[] GROUPS = {0x001D, 0x0017, 0x0018, 0x0019}; // x25519, secp256r1, secp384r1, secp521r1
    private static final SecureRandom RANDOM = new SecureRandom();

    private LegacyClientHello() {
    }

    /** The hello as one TLS record, with SNI for {@code host} unless it is an IP literal. */
    static byte[] forHost(String host) {
        ByteArrayOutputStream hello = new ByteArrayOutputStream();
        u16(hello, CLIENT_VERSION);
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        hello.writeBytes(random);
        hello.write(0);                                   // no session id
        u16(hello, CIPHER_SUITES.length * 2);
        for (int suite : CIPHER_SUITES) {
            u16(hello, suite);
        }
        hello.write(1);                                   // compression methods: null only
        hello.write(0);
        byte[] extensions = extensions(host);
        u16(hello, extensions.length);
        hello.writeBytes(extensions);

        ByteArrayOutputStream record = new ByteArrayOutputStream();
        byte[] body = hello.toByteArray();
        record.write(22);                                 // handshake
        u16(record, 0x0301);
        u16(record, body.length + 4);
        record.write(1);                                  // client_hello
        record.write(0);
        u16(record, body.length);
        record.writeBytes(body);
        return record.toByteArray();
    }

    private static byte[] extensions(String host) {
        ByteArrayOutputStream ext = new ByteArrayOutputStream();
        if (!HostNames.isIpLiteral(host) && StandardCharsets.US_ASCII.newEncoder().canEncode(host)) {
            byte[] name = host.getBytes(StandardCharsets.US_ASCII);
            u16(ext, 0x0000);                             // server_name
            u16(ext, name.length + 5);
            u16(ext, name.length + 3);
            ext.write(0);                                 // host_name
            u16(ext, name.length);
            ext.writeBytes(name);
        }
        u16(ext, 0x000A);                                 // supported_groups
        u16(ext, GROUPS.length * 2 + 2);
        u16(ext, GROUPS.length * 2);
        for (int g : GROUPS) {
            u16(ext, g);
        }
        u16(ext, 0x000B);                                 // ec_point_formats: uncompressed
        u16(ext, 2);
        ext.write(1);
        ext.write(0);
        return ext.toByteArray();
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >> 8);
        out.write(v);
    }
}
