package dev.mailwizard.model;

import java.util.ArrayList;
import java.util.List;

/**
 * For tests: the characters a hostile server could use to drive a terminal or reorder what a
 * reader sees (C0, DEL, C1, Unicode bidi controls, line and paragraph separators), listed as
 * U+XXXX so an assertion message shows them. Written independently of {@link DisplayText}.
 */
public final class UnsafeText {
    private UnsafeText() {
    }

    /** Unsafe characters in one value that must stay on one line. */
    public static List<String> inValue(String text) {
        return find(text, false);
    }

    /** Unsafe characters in a whole document, whose own line breaks are fine. */
    public static List<String> inDocument(String text) {
        return find(text, true);
    }

    private static List<String> find(String text, boolean lineBreaksAllowed) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (lineBreaksAllowed && c == '\n') {
                continue;
            }
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
            boolean bidi = c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
            boolean separator = c == 0x2028 || c == 0x2029;
            if (control || bidi || separator) {
                found.add(String.format("U+%04X at %d", (int) c, i));
            }
        }
        return found;
    }
}
