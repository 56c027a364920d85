package dev.mailwizard.report;

/**
 * How many terminal columns a text takes: East Asian wide and full-width characters (Japanese
 * kana and kanji, Hangul, full-width forms) take two, so a table in Japanese lines up only when it
 * is padded by columns, not by characters. The ranges are those of Unicode's East Asian Width
 * W and F classes that terminals draw double, as wcwidth does; zero-width marks count as one,
 * which only errs towards a wider column.
 */
final class TerminalWidth {
    private TerminalWidth() {
    }

    static int columns(String text) {
        return text.codePoints().map(TerminalWidth::columns).sum();
    }

    static int columns(int codePoint) {
        return isWide(codePoint) ? 2 : 1;
    }

    /** {@code text} with spaces after it up to {@code width} columns. */
    static String padRight(String text, int width) {
        int missing = width - columns(text);
        return missing <= 0 ? text : text + " ".repeat(missing);
    }

    /** {@code text} with spaces before it up to {@code width} columns. */
    static String padLeft(String text, int width) {
        int missing = width - columns(text);
        return missing <= 0 ? text : " ".repeat(missing) + text;
    }

    static boolean isWide(int cp) {
        return cp >= 0x1100 && cp <= 0x115F          // Hangul Jamo initials
                || cp >= 0x2E80 && cp <= 0x303E      // CJK radicals, ideographic punctuation
                || cp >= 0x3041 && cp <= 0x33FF      // kana, CJK symbols and compatibility
                || cp >= 0x3400 && cp <= 0x4DBF      // CJK extension A
                || cp >= 0x4E00 && cp <= 0x9FFF      // CJK unified ideographs
                || cp >= 0xA000 && cp <= 0xA4CF      // Yi
                || cp >= 0xAC00 && cp <= 0xD7A3      // Hangul syllables
                || cp >= 0xF900 && cp <= 0xFAFF      // CJK compatibility ideographs
                || cp >= 0xFE30 && cp <= 0xFE4F      // CJK compatibility forms
                || cp >= 0xFF00 && cp <= 0xFF60      // full-width forms
                || cp >= 0xFFE0 && cp <= 0xFFE6
                || cp >= 0x20000 && cp <= 0x3FFFD;   // CJK extensions B and later
    }
}
