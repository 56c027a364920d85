package dev.mailwizard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.demo.HostileCertificates;
import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.demo.ServerBehaviour;
import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.Security;
import dev.mailwizard.model.UnsafeText;
import dev.mailwizard.probe.TrustMaterial;
import dev.mailwizard.ui.app.WizardWindow;
import dev.mailwizard.ui.task.FxTaskRunner;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 12 in the wizard: what a hostile server says (its greeting, its certificate's subject) is
 * shown with its control and bidi characters as visible escapes, in the Testing and Result steps,
 * the help-desk transcript and the certificate view.
 */
@ExtendWith(ApplicationExtension.class)
class ServerTextWizardTest {
    private static final String HOST = "smtp.text.test";
    private static final String HOSTILE_GREETING = "220 mail.example.test \u001b[2J \u001b]0;owned\u0007 \u202egnp.exe";
    private static final String REFUSING_GREETING = "554 mail.example.test \u001b[2J \u202egnp.exe busy";
    private WizardWindow window;
    @org.junit.jupiter.api.extension.RegisterExtension
    final StartedServers servers = new StartedServers();

    @Start
    void start(Stage stage) {
        window = new WizardWindow(stage, new WizardState(() -> TrustMaterial.only(List.of())),
                new FxTaskRunner(), FxTaskRunner.dispatcher(), s -> dev.mailwizard.discovery.Discovery.guessOnly());
        stage.show();
    }


    @Test
    void aHostileGreetingAndCertificateAreShownEscapedInEveryStep(FxRobot robot) throws Exception {
        var cert = HostileCertificates.selfSigned("mail.example.test \u202egnp.exe", HOST);
        var hostile = servers.start(ServerBehaviour.builder().implicitTls(cert.serverContext()).greeting(HOSTILE_GREETING).build());
        var refusing = servers.start(ServerBehaviour.builder().noTls().greeting(REFUSING_GREETING).build());
        robot.clickOn("#address").write("erin@text.test");
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.state().servers().isEmpty());
        robot.interact(() -> window.state().servers().setAll(new ServerRow(HOST, hostile.port(), Security.TLS, CandidateSource.USER, true),
                new ServerRow(HOST, refusing.port(), Security.STARTTLS, CandidateSource.USER, true)));
        robot.interact(() -> ((TitledPane) robot.lookup("#advanced").query()).setExpanded(true));
        robot.clickOn("#mappings").write(HOST + ":127.0.0.1");
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.state().reportProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertNoUnsafeText(robot, "Testing step");

        robot.clickOn("#next");
        robot.clickOn("#helpdesk");
        assertThat(shownTexts(robot)).anyMatch(t -> t.contains("greeted with 554 mail.example.test \\x1b[2J \\u202egnp.exe busy"));
        assertThat(robot.lookup("#transcript").queryAs(TextArea.class).getText())
                .contains("S: 220 mail.example.test \\x1b[2J \\x1b]0;owned\\x07 \\u202egnp.exe");
        assertNoUnsafeText(robot, "Result step with the help-desk drawer open");

        robot.clickOn("#trust");
        assertThat(robot.lookup(".cert-value").queryAllAs(TextField.class)).extracting(TextField::getText)
                .contains("CN=mail.example.test \\u202egnp.exe");
        assertNoUnsafeText(robot, "certificate in the trust dialog");
        robot.clickOn(Messages.get("trust.cancel"));
    }

    private static void assertNoUnsafeText(FxRobot robot, String where) {
        assertThat(shownTexts(robot)).as(where).allSatisfy(t -> assertThat(UnsafeText.inDocument(t)).as(t).isEmpty());
    }

    /** Every text a control shows, in every open window. */
    private static List<String> shownTexts(FxRobot robot) {
        List<String> texts = new ArrayList<>();
        for (Node n : robot.lookup(n -> n instanceof Labeled || n instanceof TextInputControl).queryAll()) {
            String t = n instanceof Labeled l ? l.getText() : ((TextInputControl) n).getText();
            if (t != null) {
                texts.add(t);
            }
        }
        return texts;
    }
}
