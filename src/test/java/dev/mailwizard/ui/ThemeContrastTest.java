package dev.mailwizard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * WCAG AA in every theme: text and its background, as base.css pairs them through looked-up
 * colours, differ by at least 4.5:1; icons, the focus ring and card borders in high contrast by 3:1
 * (WCAG 1.4.11, non-text contrast). The colours are read from the theme's sheet as the wizard loads it.
 */
class ThemeContrastTest {
    private static final Pattern LOOKED_UP = Pattern.compile("(-(?:mw|fx)-[a-z-]+)\\s*:\\s*([^;]+);");
    private static final Pattern USED = Pattern.compile("-mw-[a-z-]+");

    /** A colour used on another, and where base.css does so. */
    record Pair(String foreground, String background, String where) {
    }

    private static final List<Pair> TEXT = List.of(
            new Pair("-mw-text", "-mw-bg", "labels and headings on the step"),
            new Pair("-mw-text", "-mw-card", "settings cards, failures, conclusions"),
            new Pair("-mw-text", "-mw-table", "tables, lists and text fields"),
            new Pair("-mw-text", "-mw-bar", "the button bar"),
            new Pair("-mw-muted", "-mw-bg", "step intros and field hints"),
            new Pair("-mw-muted", "-mw-card", "settings keys and the phone code's notes"),
            new Pair("-mw-muted", "-mw-table", "prompt text in fields"),
            new Pair("-mw-side-text", "-mw-side", "product name, steps done, the theme chooser's label"),
            new Pair("-mw-side-muted", "-mw-side", "steps to do"),
            new Pair("-mw-accent-text", "-mw-accent", "the current step"),
            new Pair("-mw-link", "-mw-bg", "links"),
            new Pair("-mw-ok", "-mw-bg", "the headline when it works"),
            new Pair("-mw-ok", "-mw-table", "OK in the matrix"),
            new Pair("-mw-bad", "-mw-bg", "field errors, the headline when nothing works"),
            new Pair("-mw-bad", "-mw-table", "failed outcomes in the matrix"),
            new Pair("-mw-warn", "-mw-bg", "the headline with a warning"),
            new Pair("-mw-warn", "-mw-card", "the phone code's password warning"),
            new Pair("-mw-warn", "-mw-table", "outcomes with a warning in the matrix"));

    private static final List<Pair> NON_TEXT = List.of(
            new Pair("-mw-ok", "-mw-card", "the check icon on a card"),
            new Pair("-mw-bad", "-mw-card", "the cross icon on a failure"),
            new Pair("-mw-warn", "-mw-card", "the triangle icon on a card"),
            new Pair("-mw-muted", "-mw-table", "the dash, dot and hourglass icons in the matrix"),
            new Pair("-mw-focus", "-mw-bg", "the focus ring"),
            new Pair("-mw-focus", "-mw-card", "the focus ring on a card"));

    @ParameterizedTest
    @EnumSource(Theme.class)
    void textKeepsWcagAaContrastOnItsBackground(Theme theme) throws IOException {
        Map<String, String> colours = colours(theme);
        for (Pair p : TEXT) {
            assertThat(ratio(colour(colours, p.foreground()), colour(colours, p.background())))
                    .as("%s: %s on %s (%s)", theme, p.foreground(), p.background(), p.where()).isGreaterThanOrEqualTo(4.5);
        }
        for (Pair p : NON_TEXT) {
            assertThat(ratio(colour(colours, p.foreground()), colour(colours, p.background())))
                    .as("%s: %s on %s (%s)", theme, p.foreground(), p.background(), p.where()).isGreaterThanOrEqualTo(3.0);
        }
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void everyColourTheStylesheetsUseIsDefinedInTheTheme(Theme theme) throws IOException {
        TreeSet<String> used = new TreeSet<>();
        Matcher m = USED.matcher(read("/dev/mailwizard/ui/base.css") + read(theme.sheet()));
        while (m.find()) {
            used.add(m.group());
        }
        assertThat(colours(theme).keySet()).containsAll(used);
    }

    @Test
    void theRatioIsWcags() {
        assertThat(ratio(0x000000, 0xffffff)).isEqualTo(21.0);
        assertThat(ratio(0x777777, 0xffffff)).isBetween(4.47, 4.49);
    }

    /** The looked-up colours of the theme's .root, as written (a colour or another looked-up name). */
    private static Map<String, String> colours(Theme theme) throws IOException {
        String sheet = read(theme.sheet());
        int root = sheet.indexOf(".root");
        String block = sheet.substring(sheet.indexOf('{', root) + 1, sheet.indexOf('}', root));
        Map<String, String> colours = new LinkedHashMap<>();
        Matcher m = LOOKED_UP.matcher(block);
        while (m.find()) {
            colours.put(m.group(1), m.group(2).strip());
        }
        return colours;
    }

    /** A looked-up colour as RGB, following names that refer to other names. */
    private static int colour(Map<String, String> colours, String name) {
        String value = colours.get(name);
        assertThat(value).as("%s is defined", name).isNotNull();
        if (value.startsWith("-")) {
            return colour(colours, value);
        }
        assertThat(value).as("%s is a #rrggbb colour", name).matches("#[0-9a-fA-F]{6}");
        return Integer.parseInt(value.substring(1), 16);
    }

    /** WCAG 2's contrast ratio of two sRGB colours. */
    static double ratio(int a, int b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(int rgb) {
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = ThemeContrastTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
