package dev.mailwizard.mta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.ui.WizardState;
import dev.mailwizard.ui.task.FxTaskRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The wizard, driven like a person would, against the real Postfix + Dovecot of .ci/mta-setup. */
@Tag("real-mta")
@ExtendWith(ApplicationExtension.class)
class RealMtaWizardTest {
    private static Map<String, String> env;
    private WizardState state;

    @BeforeAll
    static void readEnvironment() throws IOException {
        env = MtaEnvironment.load();
    }

    @Start
    void start(Stage stage) {
        state = WizardState.withSystemTrust();
        new dev.mailwizard.ui.app.WizardWindow(stage, state, new FxTaskRunner(), FxTaskRunner.dispatcher());
        stage.show();
    }

    @Test
    void theWizardFindsAndVerifiesTheLocalPostfix(FxRobot robot) throws Exception {
        robot.clickOn("#address").write(env.get("MTA_USER"));
        robot.clickOn("#password").write(env.get("MTA_PASSWORD"));
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !state.servers().isEmpty());
        // Guessed: smtp./mail./bare domain; only mail.<domain> exists, through the host mapping.
        robot.interact(() -> {
            state.mappingsProperty().set(env.get("MTA_HOST") + ":127.0.0.1");
            state.extraCaProperty().set(Path.of(env.get("MTA_CA")));
            state.timeoutSecondsProperty().set(5);
        });
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> state.reportProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#next");
        assertThat(robot.lookup("#resultServer").queryAs(Label.class).getText()).isEqualTo(env.get("MTA_HOST"));
        assertThat(robot.lookup("#resultPort").queryAs(Label.class).getText()).isEqualTo("465");
        assertThat(robot.lookup("#resultSecurity").queryAs(Label.class).getText()).isEqualTo("SSL/TLS");
        assertThat(state.reportProperty().get().verdict()).isEqualTo(dev.mailwizard.probe.RunVerdict.WORKING);
        // Incoming and outgoing side by side: Dovecot's IMAP over implicit TLS is the incoming choice.
        assertThat(robot.lookup("#incomingServer").queryAs(Label.class).getText()).isEqualTo(env.get("MTA_HOST"));
        assertThat(robot.lookup("#incomingPort").queryAs(Label.class).getText()).isEqualTo("993");
    }
}
