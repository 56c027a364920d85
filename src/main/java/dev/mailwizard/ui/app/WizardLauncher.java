package dev.mailwizard.ui.app;

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

    public static void launch(String... args) {
        MailWizardApp.launchNanos = System.nanoTime();
        Application.launch(MailWizardApp.class, args);
    }
}
