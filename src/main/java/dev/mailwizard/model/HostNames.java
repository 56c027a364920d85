package dev.mailwizard.model;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Host name rules in one place: international names become A-labels (IDNA) for DNS and TLS
 * name checks, everything is lower case, and a name that DNS could never carry is rejected.
 */
public final class HostNames {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");

    private HostNames() {
    }

    /**
     * Returns the ASCII (A-label) form of a host name or IP literal.
     *
     * @throws IllegalArgumentException naming the value and what is wrong with it
     */
    public static String toAscii(String host) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("the host name is empty");
        }
        String h = host.strip();
        if (h.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            throw new IllegalArgumentException("host name '" + printable(host) + "' contains spaces or control characters");
        }
        String typed = printable(h); // what the messages quote: as typed, trimmed
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.indexOf(':') >= 0) {
            if (!h.matches("[0-9A-Fa-f:.]+")) {
                throw new IllegalArgumentException("host name '" + h + "' is not valid (a ':' belongs only in IPv6 addresses)");
            }
            if (!isIpv6(h)) {
                throw new IllegalArgumentException("'" + h + "' is not a valid IPv6 address");
            }
            return h.toLowerCase(Locale.ROOT);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1); // the root: "2.256.1.1." is checked as 2.256.1.1
        }
        if (IPV4.matcher(h).matches()) {
            for (String part : h.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    throw new IllegalArgumentException("'" + h + "' is not a valid IPv4 address");
                }
            }
            return h;
        }
        String ascii;
        try {
            ascii = IDN.toASCII(h, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("host name '" + typed + "' is not a valid domain name");
        }
        if (ascii.length() > 253) {
            throw new IllegalArgumentException("host name '" + abbreviate(h) + "' is longer than 253 characters");
        }
        for (String label : ascii.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("host name '" + typed + "' is not a valid domain name");
            }
        }
        return ascii;
    }

    /**
     * Whether hex digits, ':' and '.' make an IPv6 address. Java reads a text that starts with a hex
     * digit or ':' and has a ':' as an IPv6 literal only, never as a name to look up.
     */
    private static boolean isIpv6(String h) {
        if (Character.digit(h.charAt(0), 16) < 0 && h.charAt(0) != ':') {
            return false;
        }
        try {
            return InetAddress.getByName(h) != null;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** True when the value is an IPv4 or IPv6 literal rather than a name. */
    public static boolean isIpLiteral(String host) {
        return IPV4.matcher(host).matches() || host.indexOf(':') >= 0;
    }

    /** The Unicode form for display; A-labels are decoded. */
    public static String toUnicode(String asciiHost) {
        return IDN.toUnicode(asciiHost);
    }

    /**
     * {@code s} as a message quotes it: runs of spaces as one (else a long run fills the quote and
     * the cut hides what follows), at most 60 characters, control characters escaped.
     */
    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : abbreviate(s.replaceAll(" {2,}", " ")).toCharArray()) {
            if (c == '\r') {
                b.append("\\r");
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
