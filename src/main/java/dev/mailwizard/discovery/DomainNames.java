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

    /**
     * The registrable domain ("example.co.uk" for "mx1.mail.example.co.uk"). Under a suffix the
     * list does not know (a private TLD such as .test), the last two labels.
     */
    static String registrable(String host) {
        String h = strip(host);
        try {
            InternetDomainName name = InternetDomainName.from(h);
            if (name.isUnderPublicSuffix()) {
                return name.topPrivateDomain().toString();
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            // not a domain name the list can judge: fall through
        }
        String[] labels = h.split("\\.");
        return labels.length <= 2 ? h : labels[labels.length - 2] + "." + labels[labels.length - 1];
    }

    static boolean sameRegistrable(String a, String b) {
        return registrable(a).equals(registrable(b));
    }

    private static String strip(String s) {
        String t = s.toLowerCase(Locale.ROOT);
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
