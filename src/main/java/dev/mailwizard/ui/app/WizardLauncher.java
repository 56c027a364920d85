package dev.mailwizard.ui.app;

import dev.mailwizard.model.AppLanguage;
import dev.mailwizard.platform.Platform;
import javafx.application.Application;

/** Opens the wizard window; the plain main class calls this, since it must not extend Application. */
public final class WizardLauncher {
    private WizardLauncher() {
    }

    /** True when a window can be shown: a display on Linux/BSD, always on Windows and macOS. */
    public static boolean displayAvailable() {
        return Platform.current().hasDisplay();
    }

    /** No arguments, or only {@code --lang} with a language of ours ({@code mailwizard --lang de}); the CLI judges the rest. */
    public static boolean isWizardCall(String... args) {
        return args.length == 0 || language(args) != null;
    }

    /** Opens the wizard, in the language {@code --lang} names if it does. */
    public static void launch(String... args) {
        MailWizardApp.launchNanos = System.nanoTime();
        AppLanguage language = language(args);
        if (language != null) {
            AppLanguage.use(language);
        }
        Application.launch(MailWizardApp.class);
    }

    private static AppLanguage language(String... args) {
        String value = args.length == 2 && args[0].equals("--lang") ? args[1]
                : args.length == 1 && args[0].startsWith("--lang=") ? args[0].substring("--lang=".length()) : null;
        try {
            return value == null ? null : AppLanguage.parse(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
