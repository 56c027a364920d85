package dev.mailwizard.probe;

import dev.mailwizard.model.HostNames;

import java.net.IDN;
import java.net.InetAddress;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Checks that a certificate names the host that was dialled, by the rules of RFC 6125 as RFC 7817
 * applies them to mail: DNS names from subjectAltName (the subject CN only when there are none),
 * a wildcard only as the whole left-most label and matching exactly one label; IP literals only
 * against iPAddress entries.
 */
public final class HostnameMatcher {
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private HostnameMatcher() {
    }

    public static boolean matches(X509Certificate cert, String dialledHost) {
        String host = dialledHost.toLowerCase(Locale.ROOT);
        if (HostNames.isIpLiteral(host)) {
            return ipMatches(cert, host);
        }
        List<String> dnsNames = sanEntries(cert, SAN_DNS);
        if (dnsNames.isEmpty()) {
            String cn = commonName(cert);
            return cn != null && nameMatches(cn, host);
        }
        return dnsNames.stream().anyMatch(name -> nameMatches(name, host));
    }

    /** All subjectAltName DNS and IP entries, for display. */
    public static List<String> subjectAltNames(X509Certificate cert) {
        List<String> all = new ArrayList<>(sanEntries(cert, SAN_DNS));
        all.addAll(sanEntries(cert, SAN_IP));
        return all;
    }

    static boolean nameMatches(String pattern, String host) {
        String p;
        try {
            p = IDN.toASCII(pattern.strip()).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (p.endsWith(".")) {
            p = p.substring(0, p.length() - 1);
        }
        if (!p.contains("*")) {
            return p.equals(host);
        }
        // Only "*.rest" with at least two labels in rest; never "*.com", never "f*o.example.com".
        if (!p.startsWith("*.") || p.indexOf('*', 1) >= 0) {
            return false;
        }
        String rest = p.substring(2);
        if (!rest.contains(".")) {
            return false;
        }
        int dot = host.indexOf('.');
        return dot > 0 && host.substring(dot + 1).equals(rest);
    }

    private static boolean ipMatches(X509Certificate cert, String host) {
        try {
            InetAddress wanted = InetAddress.getByName(host);
            for (String ip : sanEntries(cert, SAN_IP)) {
                if (InetAddress.getByName(ip).equals(wanted)) {
                    return true;
                }
            }
        } catch (java.net.UnknownHostException e) {
            return false;
        }
        return false;
    }

    private static List<String> sanEntries(X509Certificate cert, int type) {
        List<String> out = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> entry : sans) {
                    if (entry.size() >= 2 && entry.get(0) instanceof Integer t && t == type && entry.get(1) instanceof String s) {
                        out.add(s);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return out;
        }
        return out;
    }

    private static String commonName(X509Certificate cert) {
        try {
            LdapName name = new LdapName(cert.getSubjectX500Principal().getName());
            for (Rdn rdn : name.getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (InvalidNameException e) {
            return null;
        }
        return null;
    }
}
