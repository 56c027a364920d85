package dev.mailwizard.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The UI's texts, from {@code dev/mailwizard/ui/messages.properties}. */
public final class Messages {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("dev.mailwizard.ui.messages", Locale.getDefault());

    private Messages() {
    }

    public static String get(String key, Object... args) {
        try {
            String text = BUNDLE.getString(key);
            return args.length == 0 ? text : MessageFormat.format(text, args);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }
}
