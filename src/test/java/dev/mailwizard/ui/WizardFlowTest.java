package dev.mailwizard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.demo.DemoPki;
import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.demo.ServerBehaviour;
import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.Security;
import dev.mailwizard.model.Outcome;
import dev.mailwizard.probe.ProbeReport;
import dev.mailwizard.probe.TrustMaterial;
import dev.mailwizard.ui.app.WizardWindow;
import dev.mailwizard.ui.task.FxTaskRunner;
import dev.mailwizard.ui.testing.MatrixRow;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wizard as a person uses it, headless on Monocle: every step, against scripted servers on
 * loopback (named smtp.flow.test through the host mapping typed in the Advanced area).
 */
@ExtendWith(ApplicationExtension.class)
class WizardFlowTest {
    private static final DemoPki PKI = DemoPki.newAuthority("Flow Test CA");
    private static final String HOST = "smtp.flow.test";
    private static final String USER = "alice@flow.test";
    private static final String PASSWORD = "flow-password";
    private WizardWindow window;
    @org.junit.jupiter.api.extension.RegisterExtension
    final StartedServers servers = new StartedServers();

    @Start
    void start(Stage stage) {
        // Guessing only: these tests must not depend on the network.
        window = new WizardWindow(stage, new WizardState(() -> TrustMaterial.only(List.of(PKI.caCertificate()))),
                new FxTaskRunner(), FxTaskRunner.dispatcher(), s -> dev.mailwizard.discovery.Discovery.guessOnly());
        stage.show();
    }


    private Button button(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Button.class);
    }

    private void typeAccount(FxRobot robot) {
        robot.clickOn("#address").write(USER);
        robot.clickOn("#password").write(PASSWORD);
    }

    /** Goes to Servers, then replaces the guessed rows with the test servers, as a user editing the table would. */
    private void useServers(FxRobot robot, ServerRow... rows) throws Exception {
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.state().servers().isEmpty());
        robot.interact(() -> window.state().servers().setAll(rows));
        robot.interact(() -> ((TitledPane) robot.lookup("#advanced").query()).setExpanded(true));
        robot.clickOn("#mappings").write(HOST + ":127.0.0.1");
    }

    private void waitForRunEnd(FxRobot robot, long seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> window.state().reportProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void nextIsDisabledForAnInvalidAddressAndTheErrorSaysWhy(FxRobot robot) {
        assertThat(button(robot, "#next").isDisabled()).isTrue();
        robot.clickOn("#address").write("alice@");
        assertThat(button(robot, "#next").isDisabled()).isTrue();
        assertThat(robot.lookup("#addressError").queryAs(Label.class).getText()).contains("no domain");
        robot.write("example.com");
        assertThat(button(robot, "#next").isDisabled()).isFalse();
        assertThat(robot.lookup("#addressError").queryAs(Label.class).getText()).isEmpty();
    }

    @Test
    void passwordCanBeShownAndHidden(FxRobot robot) {
        robot.clickOn("#password").write("s3cret");
        assertThat(robot.lookup("#passwordShown").query().isVisible()).isFalse();
        robot.clickOn("#showPassword");
        assertThat(robot.lookup("#passwordShown").query().isVisible()).isTrue();
        assertThat(robot.lookup("#passwordShown").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo("s3cret");
    }

    @Test
    void serversStepGuessesFromTheDomainAndNamesABadPort(FxRobot robot) throws Exception {
        robot.clickOn("#address").write("bob@example.org");
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.state().servers().size() == 29);
        @SuppressWarnings("unchecked")
        TableView<ServerRow> table = robot.lookup("#serversTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(29);
        assertThat(table.getItems().get(0).hostProperty().get()).isEqualTo("smtp.example.org");
        robot.interact(() -> table.getItems().get(0).portProperty().set(70000));
        assertThat(robot.lookup("#serversProblem").queryAs(Label.class).getText()).contains("70000");
        assertThat(button(robot, "#next").isDisabled()).isTrue();
        robot.clickOn("#addServer");
        assertThat(table.getItems()).hasSize(30);
    }

    @Test
    void fullFlowFillsTheMatrixAndRecommendsTheWorkingServer(FxRobot robot) throws Exception {
        var cert = PKI.issue(HOST);
        var tls = servers.start(ServerBehaviour.builder().implicitTls(cert.serverContext()).user(USER, PASSWORD).build());
        var starttls = servers.start(ServerBehaviour.builder().starttls(cert.serverContext()).user(USER, PASSWORD).build());
        var stripped = servers.start(ServerBehaviour.builder().starttls(cert.serverContext()).offerStarttls(false).build());
        typeAccount(robot);
        useServers(robot, new ServerRow(HOST, tls.port(), Security.TLS, CandidateSource.USER, true),
                new ServerRow(HOST, starttls.port(), Security.STARTTLS, CandidateSource.USER, true),
                new ServerRow(HOST, stripped.port(), Security.STARTTLS, CandidateSource.USER, true));
        robot.clickOn("#next");
        waitForRunEnd(robot, 20);
        @SuppressWarnings("unchecked")
        TableView<MatrixRow> matrix = robot.lookup("#matrix").queryAs(TableView.class);
        assertThat(matrix.getItems()).extracting(r -> r.outcomeProperty().get()).containsExactly("OK", "OK", "STARTTLS_NOT_OFFERED");
        assertThat(button(robot, "#next").isDisabled()).isFalse();
        robot.clickOn("#next");
        assertThat(robot.lookup("#resultServer").queryAs(Label.class).getText()).isEqualTo(HOST);
        assertThat(robot.lookup("#resultPort").queryAs(Label.class).getText()).isEqualTo(Integer.toString(tls.port()));
        assertThat(robot.lookup("#resultSecurity").queryAs(Label.class).getText()).isEqualTo("SSL/TLS");
        assertThat(robot.lookup("#resultLogin").queryAs(Label.class).getText()).contains(USER);
        assertThat(tls.authAttempts() + starttls.authAttempts()).isEqualTo(1);
        assertThat(stripped.authAttempts()).isZero();
        // The help-desk drawer shows the redacted transcript.
        robot.clickOn("#helpdesk");
        String transcript = robot.lookup("#transcript").queryAs(TextArea.class).getText();
        assertThat(transcript).contains("EHLO").doesNotContain(PASSWORD);
    }

    @Test
    void exportStepWritesTheChosenFilesPrivatelyAndNeverReplacesWithoutBeingAsked(FxRobot robot) throws Exception {
        var cert = PKI.issue(HOST);
        var tls = servers.start(ServerBehaviour.builder().implicitTls(cert.serverContext()).user(USER, PASSWORD).build());
        typeAccount(robot);
        useServers(robot, new ServerRow(HOST, tls.port(), Security.TLS, CandidateSource.USER, true));
        robot.clickOn("#next");
        waitForRunEnd(robot, 20);
        robot.clickOn("#next");
        robot.clickOn("#next");
        assertThat(button(robot, "#next").getText()).isEqualTo("_Finish");
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("wizard-export");
        robot.interact(() -> robot.lookup("#exportFolder").queryAs(javafx.scene.control.TextField.class).setText(dir.toString()));
        // Thunderbird is preselected on Linux, and refuses: this run tested no incoming server.
        assertThat(robot.lookup("#format-thunderbird").queryAs(javafx.scene.control.CheckBox.class).isSelected()).isTrue();
        robot.clickOn("#format-msmtp");
        robot.clickOn("#export");
        // Until the export has ended (its first file exists while the others are still being written).
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> java.nio.file.Files.exists(dir.resolve("msmtprc"))
                && !robot.lookup("#exportStatus").queryAs(Label.class).getText().equals(Messages.get("export.running")));
        WaitForAsyncUtils.waitForFxEvents();
        String status = robot.lookup("#exportStatus").queryAs(Label.class).getText();
        assertThat(status).contains("3 files written").contains("1 format could not be written");
        String msmtp = java.nio.file.Files.readString(dir.resolve("msmtprc"));
        assertThat(msmtp).contains("host " + HOST).contains("port " + tls.port()).doesNotContain(PASSWORD);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(dir.resolve("msmtprc"))))
                .isEqualTo("rw-------");
        assertThat(java.nio.file.Files.readString(dir.resolve("report.html"))).contains(HOST).doesNotContain(PASSWORD);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<dev.mailwizard.ui.export.ExportedItem> list = robot.lookup("#exportResults").queryAs(javafx.scene.control.ListView.class);
        assertThat(list.getItems()).extracting(dev.mailwizard.ui.export.ExportedItem::label)
                .anyMatch(l -> l.startsWith("thunderbird: not written") && l.contains("incoming server"));

        // The user edits the file, then exports again: it stays until they tick "Replace".
        java.nio.file.Files.writeString(dir.resolve("msmtprc"), "edited by the user");
        robot.clickOn("#export");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#exportStatus").queryAs(Label.class).getText().contains("already exists"));
        assertThat(java.nio.file.Files.readString(dir.resolve("msmtprc"))).isEqualTo("edited by the user");
        robot.clickOn("#replaceFiles");
        robot.clickOn("#export");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> java.nio.file.Files.readString(dir.resolve("msmtprc")).contains("host "));

        // Copy a file's text for pasting into a client's settings (Monocle has no system clipboard to read back).
        var msmtpItem = list.getItems().stream().filter(i -> i.format().equals("msmtp")).findFirst().orElseThrow();
        robot.interact(() -> list.getSelectionModel().select(msmtpItem));
        assertThat(button(robot, "#copyFile").isDisabled()).isFalse();
        robot.clickOn("#copyFile");
        assertThat(robot.lookup("#copied").queryAs(Label.class).getText()).isEqualTo("Copied msmtprc to the clipboard.");
        assertThat(msmtpItem.text()).isEqualTo(java.nio.file.Files.readString(dir.resolve("msmtprc")));
    }

    /**
     * Cancel against two tarpits, driven by events: the run ends because of the cancel, not by a
     * timeout (each probe may take 120 s, the wait allows 30), and every probe ends SKIPPED, which
     * only a cancel gives. How quickly is a benchmark (UiResponsivenessBench), not a timed test.
     */
    @Test
    void cancelEndsEveryProbeOfARunAgainstTarpitsAsSkippedAndBackKeepsTheInput(FxRobot robot) throws Exception {
        var a = servers.start(ServerBehaviour.builder().silent().build());
        var b = servers.start(ServerBehaviour.builder().silent().build());
        typeAccount(robot);
        useServers(robot, new ServerRow(HOST, a.port(), Security.TLS, CandidateSource.USER, true),
                new ServerRow(HOST, b.port(), Security.STARTTLS, CandidateSource.USER, true));
        CompletableFuture<ProbeReport> ended = new CompletableFuture<>();
        robot.interact(() -> {
            window.state().timeoutSecondsProperty().set(120);
            window.state().reportProperty().addListener((o, before, report) -> {
                if (report != null) {
                    ended.complete(report);
                }
            });
        });
        robot.clickOn("#next");
        assertThat(a.waitUntil(s -> s.connections() > 0, Duration.ofSeconds(10)) && b.waitUntil(s -> s.connections() > 0, Duration.ofSeconds(10)))
                .as("both probes sit in a tarpit").isTrue();
        robot.clickOn("#cancelTest");
        ProbeReport report = ended.get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(report.cancelled()).isTrue();
        assertThat(report.probes()).extracting(p -> p.outcome()).hasSize(2).containsOnly(Outcome.SKIPPED);
        @SuppressWarnings("unchecked")
        TableView<MatrixRow> matrix = robot.lookup("#matrix").queryAs(TableView.class);
        assertThat(matrix.getItems()).extracting(r -> r.outcomeProperty().get()).containsOnly("SKIPPED");
        assertThat(robot.lookup("#testingStatus").queryAs(Label.class).getText()).isEqualTo(Messages.get("testing.cancelled"));
        assertThat(button(robot, "#next").isDisabled()).isTrue();
        robot.clickOn("#back");
        assertThat(window.state().servers()).hasSize(2);
        robot.clickOn("#back");
        assertThat(robot.lookup("#address").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo(USER);
    }

    @Test
    void aCertificateProblemOnEveryPortIsOneConclusionWithItsRowsFoldedAndTrustedFromThere(FxRobot robot) throws Exception {
        var self = DemoPki.selfSigned(HOST);
        var tls = servers.start(ServerBehaviour.builder().implicitTls(self.serverContext()).user(USER, PASSWORD).build());
        var starttls = servers.start(ServerBehaviour.builder().starttls(self.serverContext()).user(USER, PASSWORD).build());
        typeAccount(robot);
        useServers(robot, new ServerRow(HOST, tls.port(), Security.TLS, CandidateSource.USER, true),
                new ServerRow(HOST, starttls.port(), Security.STARTTLS, CandidateSource.USER, true));
        robot.clickOn("#next");
        waitForRunEnd(robot, 20);
        robot.clickOn("#next");
        javafx.scene.layout.VBox conclusions = robot.lookup("#conclusions").queryAs(javafx.scene.layout.VBox.class);
        assertThat(conclusions.getChildren()).hasSize(1);
        String said = robot.from(conclusions).lookup(".conclusion").queryAs(Label.class).getText();
        assertThat(said).contains("Every port of " + HOST).contains("same certificate");
        TitledPane rows = robot.from(conclusions).lookup(".conclusion-rows").queryAs(TitledPane.class);
        assertThat(rows.isExpanded()).as("the rows behind the conclusion start folded").isFalse();
        assertThat(rows.getText()).contains("2");
        assertThat(robot.lookup("#failures").queryAs(javafx.scene.layout.VBox.class).getChildren()).isEmpty();
        robot.clickOn(robot.from(conclusions).lookup("#trust").queryAs(Button.class));
        robot.clickOn(Messages.get("trust.confirm"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.state().reportProperty().get() != null
                && window.state().reportProperty().get().probes().stream().allMatch(p -> p.outcome() == Outcome.OK));
        assertThat(tls.authAttempts() + starttls.authAttempts()).isEqualTo(1);
    }

    @Test
    void trustingASelfSignedCertificateRetestsAndPasses(FxRobot robot) throws Exception {
        var self = DemoPki.selfSigned(HOST);
        var server = servers.start(ServerBehaviour.builder().implicitTls(self.serverContext()).user(USER, PASSWORD).build());
        typeAccount(robot);
        useServers(robot, new ServerRow(HOST, server.port(), Security.TLS, CandidateSource.USER, true));
        robot.clickOn("#next");
        waitForRunEnd(robot, 20);
        robot.clickOn("#next");
        assertThat(robot.lookup("#resultHeadline").queryAs(Label.class).getText()).isEqualTo(Messages.get("result.none"));
        assertThat(server.authAttempts()).isZero();
        robot.clickOn("#trust");
        robot.clickOn(Messages.get("trust.confirm"));
        waitForRunEnd(robot, 20);
        @SuppressWarnings("unchecked")
        TableView<MatrixRow> matrix = robot.lookup("#matrix").queryAs(TableView.class);
        assertThat(matrix.getItems().get(0).outcomeProperty().get()).isEqualTo("OK");
        assertThat(window.state().reportProperty().get().probes().get(0).tls().certificate().pinned()).isTrue();
        assertThat(server.authAttempts()).isEqualTo(1);
        robot.clickOn("#next");
        assertThat(robot.lookup("#resultHeadline").queryAs(Label.class).getText()).isEqualTo(Messages.get("result.ok"));
    }

    @Test
    void demoLinkRunsTheWholeFlowAgainstTheDemoServers(FxRobot robot) throws Exception {
        robot.clickOn("#demoLink");
        waitForRunEnd(robot, 20);
        @SuppressWarnings("unchecked")
        TableView<MatrixRow> matrix = robot.lookup("#matrix").queryAs(TableView.class);
        assertThat(matrix.getItems()).extracting(r -> r.outcomeProperty().get())
                .containsExactly("OK", "OK", "STARTTLS_NOT_OFFERED", "TIMEOUT", "CERT_UNTRUSTED", "OK");
        robot.clickOn("#next");
        assertThat(robot.lookup("#resultServer").queryAs(Label.class).getText()).isEqualTo("smtp.demo.test");
        assertThat(robot.lookup("#incomingServer").queryAs(Label.class).getText()).isEqualTo("imap.demo.test");
    }
}
