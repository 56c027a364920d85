package dev.mailwizard.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every translation that exists (any {@code words_xx.properties} or {@code messages_xx.properties})
 * against its English base: the same keys, no more and no fewer; every placeholder of the English
 * text; and texts that take arguments are valid MessageFormat patterns with their apostrophes
 * doubled (a single one would swallow the text after it). Fails as soon as a translation is incomplete.
 */
class TranslationsTest {
    private static final Path RESOURCES = Path.of("src/main/resources/dev/mailwizard");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    record Bundle(Path base, Path translation) {
        @Override
        public String toString() {
            return translation.getFileName().toString();
        }
    }

    static Stream<Bundle> translations() throws IOException {
        List<Bundle> all = new ArrayList<>();
        for (String[] b : List.of(new String[]{"model", "words"}, new String[]{"ui", "messages"})) {
            Path base = RESOURCES.resolve(b[0]).resolve(b[1] + ".properties");
            try (Stream<Path> files = Files.list(base.getParent())) {
                files.filter(f -> f.getFileName().toString().matches(b[1] + "_[A-Za-z_]+\\.properties")).sorted()
                        .forEach(f -> all.add(new Bundle(base, f)));
            }
        }
        return all.stream();
    }

    static Stream<Path> allBundles() throws IOException {
        return Stream.concat(Stream.of(RESOURCES.resolve("model/words.properties"), RESOURCES.resolve("ui/messages.properties")),
                translations().map(Bundle::translation));
    }

    static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add("{" + m.group(1) + "}");
        }
        return found;
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true) // before any translation exists
    @MethodSource("translations")
    void hasExactlyTheKeysOfEnglish(Bundle b) throws IOException {
        Set<String> english = load(b.base()).stringPropertyNames();
        Set<String> translated = load(b.translation()).stringPropertyNames();
        assertThat(new TreeSet<>(translated)).as("keys %s lacks (English has them)", b).containsAll(english);
        assertThat(new TreeSet<>(english)).as("keys %s has that English lacks", b).containsAll(translated);
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true) // before any translation exists
    @MethodSource("translations")
    void keepsEveryPlaceholderOfEnglish(Bundle b) throws IOException {
        Properties english = load(b.base());
        Properties translated = load(b.translation());
        List<String> wrong = new ArrayList<>();
        for (String key : translated.stringPropertyNames()) {
            Set<String> want = placeholders(english.getProperty(key, ""));
            Set<String> got = placeholders(translated.getProperty(key));
            if (!got.equals(want)) {
                wrong.add(key + ": English has " + want + ", this has " + got);
            }
        }
        assertThat(wrong).as("placeholders in %s", b).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allBundles")
    void textsWithArgumentsAreValidMessageFormat(Path file) throws IOException {
        Properties texts = load(file);
        List<String> wrong = new ArrayList<>();
        for (String key : new TreeSet<>(texts.stringPropertyNames())) {
            String text = texts.getProperty(key);
            if (placeholders(text).isEmpty()) {
                continue; // said as it is, without MessageFormat (Words.lookup)
            }
            try {
                new MessageFormat(text, Locale.ROOT);
            } catch (IllegalArgumentException e) {
                wrong.add(key + ": " + e.getMessage());
                continue;
            }
            if (text.replace("''", "").contains("'")) {
                wrong.add(key + ": a single apostrophe in a text with arguments (write '' for ')");
            }
        }
        assertThat(wrong).as(file.getFileName().toString()).isEmpty();
    }
}
