package dev.mailwizard.ui;

import java.util.Locale;
import java.util.ResourceBundle;

/** The UI's texts, from {@code dev/mailwizard/ui/messages.properties}. */
public final class Messages {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("dev.mailwizard.ui.messages", Locale.getDefault());

    private Messages() {
    }

    public static String get(String key, Object... args) {
        return dev.mailwizard.model.Words.lookup(BUNDLE, key, args);
    }
}
