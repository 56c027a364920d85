package dev.mailwizard.ui.app;

import javafx.application.Application;

/** Opens the wizard window; the plain main class calls this, since it must not extend Application. */
public final class WizardLauncher {
    private WizardLauncher() {
    }

    /** True when a window can be shown: a display on Linux/BSD, always on Windows and macOS. */
    public static boolean displayAvailable() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return true;
        }
        return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
    }

    public static void launch(String... args) {
        MailWizardApp.launchNanos = System.nanoTime();
        Application.launch(MailWizardApp.class, args);
    }
}
