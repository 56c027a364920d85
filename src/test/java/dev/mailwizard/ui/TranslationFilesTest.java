package dev.mailwizard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.model.AppLanguage;
import dev.mailwizard.model.Words;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The translated texts as a reader meets them: no apostrophe lost or doubled on screen, counts in
 * words, and the UTF-8 files read back unchanged by a {@link ResourceBundle}. (That each language
 * has exactly English's keys and placeholders is {@code model.TranslationsTest}.)
 */
class TranslationFilesTest {
    private static final Path RESOURCES = Path.of("src/main/resources/dev/mailwizard");
    private static final List<String> BUNDLES = List.of("ui/messages", "model/words");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    private static Properties load(String bundle, String lang) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(RESOURCES.resolve(bundle + (lang.isEmpty() ? "" : "_" + lang) + ".properties"),
                StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /**
     * Whether the code formats the text ({@link Words#lookup} with arguments): it has a placeholder, or
     * it is an outcome's explanation or advice variant, which OutcomeTexts and ProbeResult always
     * pass their arguments to.
     */
    private static boolean formatted(String bundle, String key, String english) {
        return !placeholders(english).isEmpty() || bundle.endsWith("words")
                && (key.endsWith(".explain") || key.endsWith(".legacy.advice") || key.endsWith(".connected.advice"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "fr", "es", "it", "pt_BR", "ja"})
    void everyTextKeepsItsApostrophesOnScreen(String lang) throws IOException {
        for (String bundle : BUNDLES) {
            Properties english = load(bundle, "");
            Properties translated = load(bundle, lang);
            List<String> problems = new ArrayList<>();
            for (String key : english.stringPropertyNames()) {
                String en = english.getProperty(key);
                String text = translated.getProperty(key);
                if (text == null) {
                    continue; // a missing key is TranslationsTest's finding
                }
                String apostrophes = text.replace("''", "");
                if (formatted(bundle, key, en)) {
                    String shown = shown("dev.mailwizard." + bundle.replace('/', '.'), lang, key, 2, 2, 2, 2, 2, 2);
                    if (apostrophes.contains("'") || shown.matches("(?s).*\\{\\d.*")) {
                        problems.add(key + ": formatted with arguments, it would show " + shown);
                    }
                } else if (text.contains("''")) {
                    problems.add(key + ": shown as is, so '' would appear doubled: " + text);
                }
            }
            assertThat(problems).as(bundle + " " + lang).isEmpty();
        }
    }

    @Test
    void countsAreWordedForOneAndForMany() {
        String ui = "dev.mailwizard.ui.messages";
        assertThat(shown(ui, "de", "export.done", 1, "/home/ana/mail")).startsWith("Eine Datei in /home/ana/mail geschrieben");
        assertThat(shown(ui, "de", "export.done", 3, "/home/ana/mail")).startsWith("3 Dateien in /home/ana/mail geschrieben");
        assertThat(shown(ui, "fr", "servers.found", "enregistrement DNS SRV", 0L))
                .contains("Aucune ligne ne vient de l'extérieur de votre domaine");
        assertThat(shown(ui, "fr", "testing.done", 12, 1, 2.5)).startsWith("Terminé\u00a0: 12 connexions testées, une fonctionne de façon sécurisée");
    }

    private static String shown(String bundle, String lang, String key, Object... args) {
        AppLanguage language = AppLanguage.parse(lang.replace('_', '-'));
        return Words.lookup(Words.bundle(bundle, language), language, key, args);
    }

    @Test
    void theFilesAreReadAsUtf8ByTheirLocale() {
        assertThat(ResourceBundle.getBundle("dev.mailwizard.ui.messages", Locale.GERMAN).getString("shell.back")).isEqualTo("_Zurück");
        assertThat(ResourceBundle.getBundle("dev.mailwizard.ui.messages", Locale.forLanguageTag("pt-BR")).getString("result.server"))
                .isEqualTo("Servidor de saída (SMTP)");
        assertThat(ResourceBundle.getBundle("dev.mailwizard.ui.messages", Locale.JAPANESE).getString("result.security")).isEqualTo("接続の保護");
        assertThat(ResourceBundle.getBundle("dev.mailwizard.model.words", Locale.forLanguageTag("es")).getString("source.user")).isEqualTo("escrito por usted");
    }
}
