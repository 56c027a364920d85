package dev.mailwizard.signin;

import java.net.URI;
import java.util.Locale;

/**
 * Issuer identifiers as the sources write them: a URL (RFC 8414 metadata, the RFC 9207 {@code iss}
 * answer) or, in the ISPDB and the registrations file, a bare host name such as
 * {@code login.microsoftonline.com}. A host name stands for every https issuer on that host, since
 * it says no more (Microsoft's issuer URLs carry the tenant in the path).
 */
final class Issuers {
    private Issuers() {
    }

    static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        String x = trimSlash(a.strip());
        String y = trimSlash(b.strip());
        if (isBareHost(x) && isBareHost(y)) {
            return x.equalsIgnoreCase(y);
        }
        if (isBareHost(x)) {
            return x.equalsIgnoreCase(httpsHost(y));
        }
        if (isBareHost(y)) {
            return y.equalsIgnoreCase(httpsHost(x));
        }
        return x.equals(y);
    }

    private static boolean isBareHost(String s) {
        return !s.contains("/") && !s.contains(":");
    }

    private static String httpsHost(String url) {
        try {
            URI u = new URI(url);
            return "https".equals(u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT)) ? u.getHost() : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
