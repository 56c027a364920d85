package dev.mailwizard.export;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The DER bytes of each certificate in PEM text (as {@link TrustJson} wrote it). */
final class Pem {
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN CERTIFICATE-----\\s*([A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----");

    private Pem() {
    }

    static List<byte[]> certificates(String pem) {
        List<byte[]> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            out.add(Base64.getMimeDecoder().decode(m.group(1)));
        }
        return out;
    }
}
