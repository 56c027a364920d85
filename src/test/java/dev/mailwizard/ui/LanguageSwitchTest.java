package dev.mailwizard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.model.AppLanguage;
import dev.mailwizard.probe.ProbeReport;
import dev.mailwizard.ui.app.WizardWindow;
import dev.mailwizard.ui.task.FxTaskRunner;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The side bar's language chooser re-labels the wizard where the user is: nothing typed, found or
 * tested is lost, no step is entered again (so no test restarts), and the texts are the new language's.
 */
@ExtendWith(ApplicationExtension.class)
class LanguageSwitchTest {
    private WizardWindow window;

    @Start
    void start(Stage stage) {
        window = new WizardWindow(stage, WizardState.withSystemTrust(), new FxTaskRunner(), FxTaskRunner.dispatcher(),
                s -> dev.mailwizard.discovery.Discovery.guessOnly());
        stage.show();
    }

    @AfterEach
    void backToEnglish(FxRobot robot) {
        robot.interact(() -> Messages.use(AppLanguage.ENGLISH));
    }

    @SuppressWarnings("unchecked")
    private static void choose(FxRobot robot, AppLanguage language) {
        robot.interact(() -> robot.lookup("#languageChooser").queryAs(ComboBox.class).setValue(language));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void switchingOnTheAccountStepKeepsWhatWasTyped(FxRobot robot) {
        robot.clickOn("#name").write("Erika Muster");
        robot.clickOn("#address").write("erika@example.org");
        robot.clickOn("#password").write("geheim");
        choose(robot, AppLanguage.GERMAN);
        assertThat(AppLanguage.current()).isEqualTo(AppLanguage.GERMAN);
        assertThat(robot.lookup("#name").queryAs(TextField.class).getText()).isEqualTo("Erika Muster");
        assertThat(robot.lookup("#address").queryAs(TextField.class).getText()).isEqualTo("erika@example.org");
        assertThat(window.state().passwordProperty().get()).isEqualTo("geheim");
        assertThat(robot.lookup("#next").queryAs(Button.class).getText()).isEqualTo(Messages.get("shell.next"));
        assertThat(robot.lookup("#next").queryAs(Button.class).isDisabled()).isFalse();
        @SuppressWarnings("unchecked")
        ComboBox<AppLanguage> chooser = robot.lookup("#languageChooser").queryAs(ComboBox.class);
        assertThat(chooser.getValue()).isEqualTo(AppLanguage.GERMAN);
        assertThat(window.scene().getWindow()).isNotNull();
    }

    @Test
    void switchingOnTheResultStepKeepsTheResultAndStartsNoNewRun(FxRobot robot) throws Exception {
        robot.clickOn("#demoLink");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.state().reportProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#next");
        ProbeReport report = window.state().reportProperty().get();
        String headline = robot.lookup("#resultHeadline").queryAs(Label.class).getText();
        choose(robot, AppLanguage.JAPANESE);
        assertThat(window.state().reportProperty().get()).isSameAs(report);
        assertThat(robot.lookup("#resultServer").queryAs(Label.class).getText()).isEqualTo("smtp.demo.test");
        assertThat(robot.lookup("#resultHeadline").queryAs(Label.class).getText()).isEqualTo(Messages.get("result.ok"));
        choose(robot, AppLanguage.ENGLISH);
        assertThat(robot.lookup("#resultHeadline").queryAs(Label.class).getText()).isEqualTo(headline);
        assertThat(window.state().reportProperty().get()).isSameAs(report);
        assertThat(robot.lookup("#next").queryAs(Button.class).isDisabled()).isFalse();
    }
}
