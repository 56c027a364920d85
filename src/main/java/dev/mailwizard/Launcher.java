package dev.mailwizard;

import dev.mailwizard.cli.MailWizardCommand;
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
        if (WizardLauncher.displayAvailable() && WizardLauncher.isWizardCall(args)) {
            WizardLauncher.launch(args);
            return;
        }
        System.exit(MailWizardCommand.execute(args));
    }
}
