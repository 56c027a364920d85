package dev.mailwizard.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The languages MailWizard speaks, and which one the whole app speaks now: the system's (when it
 * is one of these, else English) unless {@code --lang} or the wizard's chooser picked another.
 * English is the base bundles ({@code words.properties}, {@code messages.properties}).
 */
public enum AppLanguage {
    ENGLISH("en", "English"),
    GERMAN("de", "Deutsch"),
    FRENCH("fr", "Français"),
    SPANISH("es", "Español"),
    ITALIAN("it", "Italiano"),
    BRAZILIAN_PORTUGUESE("pt-BR", "Português (Brasil)"),
    JAPANESE("ja", "日本語");

    private static volatile AppLanguage current = fromSystem(Locale.getDefault());

    private final String tag;
    private final String nativeName;

    AppLanguage(String tag, String nativeName) {
        this.tag = tag;
        this.nativeName = nativeName;
    }

    /** The BCP 47 tag {@code --lang} takes: "en", "pt-BR". */
    public String tag() {
        return tag;
    }

    /** The language's name in itself, as the chooser lists it. */
    public String nativeName() {
        return nativeName;
    }

    /** The locale its bundles are looked up in; English is {@link Locale#ROOT}, the base bundles. */
    public Locale locale() {
        return this == ENGLISH ? Locale.ROOT : Locale.forLanguageTag(tag);
    }

    /** The tags, as a usage message lists them: "en, de, fr, es, it, pt-BR, ja". */
    public static String choices() {
        return Arrays.stream(values()).map(AppLanguage::tag).collect(Collectors.joining(", "));
    }

    /** The language a {@code --lang} value names (case and "_" for "-" do not matter). */
    public static AppLanguage parse(String value) {
        String wanted = value == null ? "" : value.strip().replace('_', '-');
        return Arrays.stream(values()).filter(l -> l.tag.equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown language '" + value + "': use one of " + choices()));
    }

    /**
     * The language for the system's locale: by its language alone (any Portuguese gets the Brazilian
     * texts), English for the rest. Java reads {@code LANG=C} and {@code POSIX} as "en".
     */
    public static AppLanguage fromSystem(Locale system) {
        String language = system.getLanguage();
        return Arrays.stream(values()).filter(l -> l.locale().getLanguage().equals(language) && l != ENGLISH)
                .findFirst().orElse(ENGLISH);
    }

    /** The language the app speaks now. */
    public static AppLanguage current() {
        return current;
    }

    /** Makes {@code language} the one the app speaks from now on (the chooser, {@code --lang}). */
    public static void use(AppLanguage language) {
        current = java.util.Objects.requireNonNull(language, "language");
    }
}
