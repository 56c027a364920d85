package dev.mailwizard.ui.app;

import dev.mailwizard.ui.WizardState;
import dev.mailwizard.ui.task.FxTaskRunner;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one wizard window. Started through {@link WizardLauncher}. */
public final class MailWizardApp extends Application {
    private static final System.Logger LOG = System.getLogger(MailWizardApp.class.getName());
    static volatile long launchNanos = System.nanoTime();

    @Override
    public void start(Stage stage) {
        new WizardWindow(stage, WizardState.withSystemTrust(), new FxTaskRunner(), FxTaskRunner.dispatcher());
        stage.show();
        if (Boolean.getBoolean("mailwizard.timing")) {
            // Through the platform logger (stderr by default): only the command line prints.
            javafx.application.Platform.runLater(() -> LOG.log(System.Logger.Level.INFO,
                    () -> "first frame after " + (System.nanoTime() - launchNanos) / 1_000_000L + " ms"));
        }
    }
}
