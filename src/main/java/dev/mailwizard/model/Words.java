package dev.mailwizard.model;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.UnaryOperator;

/**
 * The words every face shares about outcomes and sources, from {@code dev/mailwizard/model/words.properties}
 * and its translations (one place, so the command line, the reports and the wizard cannot word the
 * same thing differently). {@link #get} speaks the app's language; {@link #english} is for what goes
 * into data (details, the JSON report), which stays English whatever the language.
 */
public final class Words {
    static final String BUNDLE_NAME = "dev.mailwizard.model.words";
    /**
     * No fallback to the JVM's default locale: English is the base bundle, so asking for English on
     * a German system must not find words_de.
     */
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** What each text goes through before it is said: nothing, except in the pseudo-locale test. */
    private static volatile UnaryOperator<String> shown = UnaryOperator.identity();

    private Words() {
    }

    /**
     * Every text of every bundle through {@code pseudo} from now on (the pseudo-locale test makes
     * them accented, longer and bracketed, to find texts that are not from a bundle and layouts
     * that clip); {@code UnaryOperator.identity()} ends it.
     */
    public static void showTextsThrough(UnaryOperator<String> pseudo) {
        shown = java.util.Objects.requireNonNull(pseudo, "pseudo");
    }

    /** The text for {@code key} in the app's language ({@link AppLanguage#current()}). */
    public static String get(String key, Object... args) {
        return in(AppLanguage.current(), key, args);
    }

    /** The English text for {@code key}: for data, never for a face. */
    public static String english(String key, Object... args) {
        return in(AppLanguage.ENGLISH, key, args);
    }

    public static String in(AppLanguage language, String key, Object... args) {
        return lookup(bundle(BUNDLE_NAME, language), language, key, args);
    }

    /** One of our bundles in {@code language}: its own file, else the English base ({@code name.properties}). */
    public static ResourceBundle bundle(String name, AppLanguage language) {
        return ResourceBundle.getBundle(name, language.locale(), Words.class.getClassLoader(), NO_DEFAULT_LOCALE);
    }

    /**
     * The rule every bundle of ours follows: {@link MessageFormat} (in the bundle's language, so
     * numbers and choices read right) only when there are arguments (so texts without any keep
     * single apostrophes), and a visible "!key!" rather than a crash when a translation lacks a key.
     * {@link Phrase} arguments are said in the same language.
     */
    public static String lookup(ResourceBundle bundle, AppLanguage language, String key, Object... args) {
        try {
            String text = shown.apply(bundle.getString(key));
            if (args.length == 0) {
                return text;
            }
            Object[] said = Arrays.stream(args).map(a -> a instanceof Phrase p ? p.in(language) : a).toArray();
            return new MessageFormat(text, language.locale()).format(said);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }
}
