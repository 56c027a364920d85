package dev.mailwizard.discovery;

import com.google.common.net.InternetDomainName;

import java.util.Locale;

/** Domain relations by the Public Suffix List (Guava's {@link InternetDomainName}). */
final class DomainNames {
    private DomainNames() {
    }

    /** True when {@code host} is {@code domain} or below it. */
    static boolean within(String host, String domain) {
        String h = strip(host);
        String d = strip(domain);
        return h.equals(d) || h.endsWith("." + d);
    }

    /** The registrable domain ("example.co.uk" for "mx1.mail.example.co.uk"); the name itself if unknown. */
    static String registrable(String host) {
        String h = strip(host);
        try {
            InternetDomainName name = InternetDomainName.from(h);
            return name.isUnderPublicSuffix() ? name.topPrivateDomain().toString() : h;
        } catch (IllegalArgumentException | IllegalStateException e) {
            return h;
        }
    }

    static boolean sameRegistrable(String a, String b) {
        return registrable(a).equals(registrable(b));
    }

    private static String strip(String s) {
        String t = s.toLowerCase(Locale.ROOT);
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
