package dev.mailwizard.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Which language the app speaks: the system's when it is one of ours, else English; never the JVM's by accident. */
class AppLanguageTest {
    @Test
    void theSystemLocaleChoosesByLanguage() {
        assertThat(AppLanguage.fromSystem(Locale.GERMANY)).isEqualTo(AppLanguage.GERMAN);
        assertThat(AppLanguage.fromSystem(Locale.forLanguageTag("de-AT"))).isEqualTo(AppLanguage.GERMAN);
        assertThat(AppLanguage.fromSystem(Locale.forLanguageTag("pt-PT"))).isEqualTo(AppLanguage.BRAZILIAN_PORTUGUESE);
        assertThat(AppLanguage.fromSystem(Locale.JAPAN)).isEqualTo(AppLanguage.JAPANESE);
        assertThat(AppLanguage.fromSystem(Locale.CANADA_FRENCH)).isEqualTo(AppLanguage.FRENCH);
        assertThat(AppLanguage.fromSystem(Locale.forLanguageTag("nl-NL"))).isEqualTo(AppLanguage.ENGLISH);
        assertThat(AppLanguage.fromSystem(Locale.ROOT)).isEqualTo(AppLanguage.ENGLISH);
        // What Java makes of LANG=C / POSIX.
        assertThat(AppLanguage.fromSystem(Locale.US)).isEqualTo(AppLanguage.ENGLISH);
    }

    @Test
    void aValueThatIsNoLanguageOfOursNamesItselfAndTheChoices() {
        assertThatThrownBy(() -> AppLanguage.parse("pt-PT")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown language 'pt-PT': use one of en, de, fr, es, it, pt-BR, ja");
    }

    @Test
    void englishIsTheBaseBundleEvenWhenTheJvmsLocaleHasATranslation() {
        Locale jvm = Locale.getDefault();
        AppLanguage.current(); // chosen from the JVM's locale when first used: before the change below
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(Words.english("source.guess")).isEqualTo("guessed from the domain");
            assertThat(Words.bundle(Words.BUNDLE_NAME, AppLanguage.ENGLISH).getLocale()).isEqualTo(Locale.ROOT);
            String fallback = "dev.mailwizard.model.fallback";
            assertThat(Words.bundle(fallback, AppLanguage.ENGLISH).getString("greeting")).isEqualTo("Hello");
            assertThat(Words.bundle(fallback, AppLanguage.GERMAN).getString("greeting")).isEqualTo("Hallo");
            assertThat(Words.bundle(fallback, AppLanguage.FRENCH).getString("greeting")).isEqualTo("Hello");
        } finally {
            Locale.setDefault(jvm);
        }
    }

    @Test
    void aPhraseIsSaidInTheLanguageAskedWithItsPartsAndCounts() {
        Phrase hint = Phrase.of("hint.old_tls_only", "mail.example.test", Phrase.of("hint.either", "TLS 1.0", "TLS 1.1"), 1, "465");
        assertThat(hint.english()).isEqualTo("mail.example.test speaks only TLS 1.0 or TLS 1.1 (port 465), which is no longer safe:"
                + " the provider must update it. MailWizard sends no password over it.");
        assertThat(Phrase.of("hint.old_tls_only", "h", "TLS 1.0", 2, "465, 587").english()).contains("(ports 465, 587)");
        assertThat(Phrase.together(Phrase.verbatim("One."), Phrase.of("report.fix")).in(AppLanguage.ENGLISH)).isEqualTo("One. Fix:");
    }
}
