package dev.mailwizard.model;

import java.util.List;

/**
 * The one rule for text that comes from outside (server replies, certificate names, discovery
 * data) before any output shows it: a server's words are shown, never obeyed.
 *
 * <p>{@link #escape} writes as a visible escape every character that could drive a terminal or
 * change what a reader sees: all of C0 (tab, CR and LF too: one server line stays one line, and
 * the rule has no exceptions to remember) and DEL and C1 as {@code \x1b}; Unicode's bidi controls
 * (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), the line and paragraph separators
 * U+2028/U+2029 (they start a new line in some viewers), the invisible byte-order mark U+FEFF and
 * unpaired surrogates (UTF-8 cannot carry them) as {@code \u202e}. Everything else, including
 * every script and emoji, stays as it is. Zero-width spaces and joiners stay too: they cannot
 * reorder text, and joiners are part of many scripts and emoji.
 *
 * <p>A backslash from the server is left alone, so a server can write text that looks like one of
 * our escapes. That is the price of idempotence: escaping an escaped text changes nothing, so
 * every layer (the probe, the JSON writer, the report renderers, the wizard) can apply the rule
 * again, and a report read back from a file is not escaped twice. Look-alike text can only make
 * a server's own reply look stranger; it can hide, move or run nothing.
 *
 * <p>{@link #serverLine} also cuts one line of server text to {@value #MAX_LINE} characters,
 * saying how long it was, so a chatty server cannot flood a report.
 */
public final class DisplayText {
    /**
     * The longest server line a report shows, the suffix included: RFC 5321 allows reply lines of
     * 512 octets with CRLF, so no line of a conforming server is ever cut.
     */
    public static final int MAX_LINE = 512;

    private DisplayText() {
    }

    /** The text with every control, bidi and separator character as a visible escape; null stays null. */
    public static String escape(String s) {
        if (s == null || isClean(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (!mustEscape(c)) {
                b.append(c);
            } else if (c <= 0xff) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.toString();
    }

    /** Each text escaped; null stays null. */
    public static List<String> escape(List<String> texts) {
        return texts == null ? null : texts.stream().map(DisplayText::escape).toList();
    }

    /**
     * One line of server text, escaped and at most {@value #MAX_LINE} characters long: a longer
     * one keeps its beginning and says its full length, "220 xxxx… (3004 characters)". Applying
     * it again changes nothing. Null stays null.
     */
    public static String serverLine(String s) {
        String shown = escape(s);
        if (shown == null || shown.length() <= MAX_LINE) {
            return shown;
        }
        String suffix = "… (" + s.codePointCount(0, s.length()) + " characters)";
        return shown.substring(0, cut(shown, MAX_LINE - suffix.length())) + suffix;
    }

    /** Each line as {@link #serverLine}; null stays null. */
    public static List<String> serverLines(List<String> lines) {
        return lines == null ? null : lines.stream().map(DisplayText::serverLine).toList();
    }

    private static boolean isClean(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (mustEscape(c) && !(Character.isSurrogate(c) && pairedAt(s, i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean pairedAt(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private static boolean mustEscape(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f)
                || c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x2028 || c == 0x2029 || c == 0xfeff
                || Character.isSurrogate(c);
    }

    /** Where to cut near {@code at}: not inside a surrogate pair, nor inside one of our escapes. */
    private static int cut(String shown, int at) {
        int end = Character.isLowSurrogate(shown.charAt(at)) ? at - 1 : at;
        int slash = shown.lastIndexOf('\\', end - 1);
        if (slash >= 0 && slash > end - 6 && slash + 1 < shown.length()) {
            int length = switch (shown.charAt(slash + 1)) {
                case 'x' -> 4;
                case 'u' -> 6;
                default -> 0;
            };
            if (slash + length > end) {
                return slash;
            }
        }
        return end;
    }
}
