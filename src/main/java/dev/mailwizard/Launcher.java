package dev.mailwizard;

import dev.mailwizard.cli.MailWizardCommand;
import dev.mailwizard.model.AppLanguage;
import dev.mailwizard.ui.app.WizardLauncher;

/**
 * The main class of the jar. It is not a JavaFX {@code Application} on purpose: a fat jar whose
 * main class extends {@code Application} refuses to start without JavaFX on the module path.
 * No arguments (or only {@code --lang}) and a display: the wizard window; otherwise the command line.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (WizardLauncher.displayAvailable() && (args.length == 0 || wizardLanguage(args) != null)) {
            if (args.length > 0) {
                AppLanguage.use(wizardLanguage(args));
            }
            WizardLauncher.launch();
            return;
        }
        System.exit(MailWizardCommand.execute(args));
    }

    /** The language of {@code mailwizard --lang de} (the wizard in German); null for anything else, which the CLI judges. */
    private static AppLanguage wizardLanguage(String[] args) {
        String value = args.length == 2 && args[0].equals("--lang") ? args[1]
                : args.length == 1 && args[0].startsWith("--lang=") ? args[0].substring("--lang=".length()) : null;
        try {
            return value == null ? null : AppLanguage.parse(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
