package dev.mailwizard.demo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * A client's XOAUTH2 or OAUTHBEARER initial response as a scripted server reads it: the user and
 * the bearer token (null when the response is not of that shape). Also the error challenge the
 * scripted servers answer a bad token with, Gmail's own.
 */
record TokenResponse(String user, String token) {
    /** Gmail's answer to a bad token: Base64 of {"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}. */
    static final String ERROR_CHALLENGE = "eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==";

    static boolean isTokenMechanism(String mechanism) {
        String m = mechanism.toUpperCase(Locale.ROOT);
        return m.equals("XOAUTH2") || m.equals("OAUTHBEARER");
    }

    /** Reads the Base64 response of {@code mechanism}; both fields null when it is not one. */
    static TokenResponse parse(String mechanism, String base64) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new TokenResponse(null, null);
        }
        String user = null;
        String token = null;
        String[] fields = decoded.split("\u0001");
        for (int i = 0; i < fields.length; i++) {
            String f = fields[i];
            if (f.startsWith("auth=Bearer ")) {
                token = f.substring("auth=Bearer ".length());
            } else if (i == 0 && mechanism.equalsIgnoreCase("XOAUTH2") && f.startsWith("user=")) {
                user = f.substring("user=".length());
            } else if (i == 0 && mechanism.equalsIgnoreCase("OAUTHBEARER") && f.startsWith("n,a=") && f.endsWith(",")) {
                user = f.substring(4, f.length() - 1).replace("=2C", ",").replace("=3D", "=");
            }
        }
        return new TokenResponse(user, token);
    }
}
