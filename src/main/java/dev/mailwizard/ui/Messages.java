package dev.mailwizard.ui;

import dev.mailwizard.model.AppLanguage;
import dev.mailwizard.model.Words;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The UI's texts, from {@code dev/mailwizard/ui/messages.properties} and its translations, in the
 * app's language; {@link #use} changes it, and whatever derives texts listens to {@link #languageProperty()}.
 */
public final class Messages {
    static final String BUNDLE_NAME = "dev.mailwizard.ui.messages";
    private static final ReadOnlyObjectWrapper<AppLanguage> LANGUAGE = new ReadOnlyObjectWrapper<>(AppLanguage.current());

    private Messages() {
    }

    public static String get(String key, Object... args) {
        AppLanguage language = AppLanguage.current();
        return Words.lookup(Words.bundle(BUNDLE_NAME, language), language, key, args);
    }

    /** The wizard's language: changed by the side bar's chooser (on the FX thread). */
    public static ReadOnlyObjectProperty<AppLanguage> languageProperty() {
        return LANGUAGE.getReadOnlyProperty();
    }

    /** Speaks {@code language} from now on, the whole app; texts bound to {@link #languageProperty()} are said again. */
    public static void use(AppLanguage language) {
        AppLanguage.use(language);
        LANGUAGE.set(language);
    }
}
