package dev.mailwizard.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DisplayTextTest {
    @Test
    void controlCharactersOfC0DelAndC1BecomeHexEscapes() {
        assertThat(DisplayText.escape("a\u0000b\tc\rd\ne\u001b[2Jf\u0007g\u007fh\u0085i\u009bj"))
                .isEqualTo("a\\x00b\\x09c\\x0dd\\x0ae\\x1b[2Jf\\x07g\\x7fh\\x85i\\x9bj");
    }

    @Test
    void bidiControlsSeparatorsAndTheByteOrderMarkBecomeUnicodeEscapes() {
        assertThat(DisplayText.escape("\u202agnp\u202b\u202c\u202d\u202e.exe\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u2028\u2029\ufeff"))
                .isEqualTo("\\u202agnp\\u202b\\u202c\\u202d\\u202e.exe\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f\\u061c\\u2028\\u2029\\ufeff");
    }

    @Test
    void everyScriptAndEmojiStaysAsWritten() {
        String text = "café 日本語 עברית العربية 😀 👩‍💻 naïve \\ back\\slash";
        assertThat(DisplayText.escape(text)).isSameAs(text);
    }

    @Test
    void anUnpairedSurrogateIsEscapedAPairIsKept() {
        assertThat(DisplayText.escape("a\ud800b\udc00c\ud83d\ude00")).isEqualTo("a\\ud800b\\udc00c\ud83d\ude00");
    }

    @Test
    void escapingTwiceChangesNothing() {
        String once = DisplayText.escape("220 \u001b]0;owned\u0007 \u202egnp.exe \\x1b");
        assertThat(DisplayText.escape(once)).isEqualTo(once);
        String line = DisplayText.serverLine("250 " + "\u001b".repeat(400) + "y".repeat(400));
        assertThat(DisplayText.serverLine(line)).isEqualTo(line);
    }

    @Test
    void aLongServerLineKeepsItsBeginningAndSaysItsFullLength() {
        String line = "250 " + "x".repeat(2996);
        String shown = DisplayText.serverLine(line);
        assertThat(shown).startsWith("250 xxx").endsWith("x… (3000 characters)");
        assertThat(shown).hasSize(DisplayText.MAX_LINE);
        String conforming = "250 " + "x".repeat(506);
        assertThat(DisplayText.serverLine(conforming)).isEqualTo(conforming);
    }

    @Test
    void theCutSplitsNeitherAnEscapeNorACharacterOutsideTheBasicPlane() {
        for (int pad = 0; pad < 8; pad++) {
            String shownEscapes = DisplayText.serverLine("x".repeat(pad) + "\u202e".repeat(1000));
            assertThat(shownEscapes.substring(0, shownEscapes.indexOf('…'))).as("pad %d", pad).matches("x*(\\\\u202e)*");
            String shownEmoji = DisplayText.serverLine("x".repeat(pad) + "😀".repeat(1000));
            assertThat(shownEmoji.substring(0, shownEmoji.indexOf('…'))).as("pad %d", pad).matches("x*(😀)*");
        }
    }

    @Test
    void nullStaysNull() {
        assertThat(DisplayText.escape((String) null)).isNull();
        assertThat(DisplayText.serverLine(null)).isNull();
        assertThat(DisplayText.serverLines(null)).isNull();
        assertThat(DisplayText.serverLines(List.of("a\u0007"))).containsExactly("a\\x07");
    }
}
