package dev.mailwizard.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The first-frame baseline: an almost empty JavaFX window, started the way the wizard is. */
public final class BareFxWindow extends Application {
    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(new Label("bare")), 1200, 740));
        stage.show();
        Platform.runLater(() -> System.err.println("first frame"));
    }

    /** Started through a plain class, as the wizard is (an Application cannot be the main class on the class path). */
    public static final class Main {
        private Main() {
        }

        public static void main(String[] args) {
            Application.launch(BareFxWindow.class, args);
        }
    }
}
