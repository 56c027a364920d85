package dev.mailwizard;

import dev.mailwizard.cli.MailWizardCommand;

/**
 * The main class of the jar. It is not a JavaFX {@code Application} on purpose: a fat jar whose
 * main class extends {@code Application} refuses to start without JavaFX on the module path.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(MailWizardCommand.execute(args));
    }
}
