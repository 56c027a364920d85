package dev.mailwizard.model;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words every face shares about outcomes and sources, from {@code dev/mailwizard/model/words.properties}
 * (one place, so the command line, the reports and the wizard cannot word the same thing differently).
 */
public final class Words {
    static final String BUNDLE_NAME = "dev.mailwizard.model.words";
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle(BUNDLE_NAME, Locale.getDefault());

    private Words() {
    }

    /** The text for {@code key}, formatted with {@code args} when there are any; "!key!" when it is missing. */
    public static String get(String key, Object... args) {
        return lookup(BUNDLE, key, args);
    }

    /**
     * The rule every bundle of ours follows: {@link MessageFormat} only when there are arguments (so
     * texts without any keep single apostrophes), and a visible "!key!" rather than a crash when a
     * translation lacks a key.
     */
    public static String lookup(ResourceBundle bundle, String key, Object... args) {
        try {
            String text = bundle.getString(key);
            return args.length == 0 ? text : MessageFormat.format(text, args);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }
}
