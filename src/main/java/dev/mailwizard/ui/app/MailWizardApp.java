package dev.mailwizard.ui.app;

import dev.mailwizard.ui.WizardState;
import dev.mailwizard.ui.task.FxTaskRunner;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one wizard window. Started through {@link WizardLauncher}. */
public final class MailWizardApp extends Application {
    static volatile long launchNanos = System.nanoTime();

    @Override
    public void start(Stage stage) {
        new WizardWindow(stage, WizardState.withSystemTrust(), new FxTaskRunner(), FxTaskRunner.dispatcher());
        stage.show();
        if (Boolean.getBoolean("mailwizard.timing")) {
            javafx.application.Platform.runLater(() -> System.err.printf("first frame after %d ms%n",
                    (System.nanoTime() - launchNanos) / 1_000_000L));
        }
    }
}
