package dev.mailwizard.probe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** The shapes a secret takes inside Base64 text, whatever came before it in the encoded bytes. */
final class SecretForms {
    private SecretForms() {
    }

    /**
     * The Base64 of the secret's whole 3-byte groups, for each of the three positions the secret can
     * start at relative to Base64's groups: whatever surrounds the secret in an encoded SASL response
     * ("user=...^Aauth=Bearer " for XOAUTH2, the GS2 header for OAUTHBEARER), one of these appears in
     * it. Empty forms (a secret shorter than a group) are left out.
     */
    static List<byte[]> base64Cores(byte[] secret) {
        List<byte[]> cores = new ArrayList<>(3);
        for (int skip = 0; skip < 3; skip++) {
            int whole = (secret.length - skip) / 3 * 3;
            if (whole > 0) {
                byte[] part = Arrays.copyOfRange(secret, skip, skip + whole);
                cores.add(Base64.getEncoder().withoutPadding().encode(part));
                Arrays.fill(part, (byte) 0);
            }
        }
        return cores;
    }
}
