package dev.mailwizard.ui;

import dev.mailwizard.model.AppLanguage;
import dev.mailwizard.model.Words;

/** The UI's texts, from {@code dev/mailwizard/ui/messages.properties} and its translations, in the app's language. */
public final class Messages {
    static final String BUNDLE_NAME = "dev.mailwizard.ui.messages";

    private Messages() {
    }

    public static String get(String key, Object... args) {
        AppLanguage language = AppLanguage.current();
        return Words.lookup(Words.bundle(BUNDLE_NAME, language), language, key, args);
    }
}
