package dev.mailwizard.export;

/** Escaping for the file syntaxes the writers produce. Server-supplied text passes through here. */
final class Text {
    private Text() {
    }

    /** Text from a file inside a one-line message for a terminal: control characters escaped, long text cut. */
    static String shown(String s) {
        String cut = s.length() > 60 ? s.substring(0, 57) + "..." : s;
        StringBuilder b = new StringBuilder();
        for (char c : cut.toCharArray()) {
            b.append(c < 0x20 || c >= 0x7f && c < 0xa0 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.toString();
    }

    static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return b.toString();
    }

    /** A value in a Java {@code .properties} file (backslashes, leading spaces, non-ASCII as \\uXXXX). */
    static String property(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '=', ':', '#', '!' -> b.append('\\').append(c);
                case ' ' -> b.append(i == 0 ? "\\ " : " ");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** A double-quoted string with backslash escapes (msmtp, neomutt, git config, Thunderbird prefs). */
    static String quoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                default -> b.append(c < 0x20 ? ' ' : c);
            }
        }
        return b.append('"').toString();
    }

    /**
     * An msmtp argument: msmtp strips the outer double quotes and takes everything between them as
     * it is (no escapes; conf.c trim_string), so only line breaks must go.
     */
    static String msmtp(String s) {
        return "\"" + s.replaceAll("[\\x00-\\x1f]", " ") + "\"";
    }

    /** neomutt single quotes: nothing is expanded inside, and a quote cannot be escaped, so it is closed and reopened. */
    static String muttSingleQuoted(String s) {
        return "'" + s.replace("'", "'\"'\"'").replaceAll("[\\x00-\\x1f]", " ") + "'";
    }

    /** Percent-encodes a user name for a URL's user-info part. */
    static String urlUser(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c));
            }
        }
        return b.toString();
    }

    /** One line inside an XML comment: no "--" (which would end or break the comment) and no line break. */
    static String xmlComment(String s) {
        String t = line(s);
        while (t.contains("--")) {
            t = t.replace("--", "- -");
        }
        return t;
    }

    /** One line for a comment: no line breaks from server text can end the comment early. */
    static String line(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n\\x00-\\x1f]+", " ").strip();
    }
}
