package dev.mailwizard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.demo.DemoPki;
import dev.mailwizard.demo.MailboxBehaviour;
import dev.mailwizard.demo.ScriptedImapServer;
import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.demo.ServerBehaviour;
import dev.mailwizard.export.QrCodes;
import dev.mailwizard.export.ThunderbirdQrValidator;
import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;
import dev.mailwizard.probe.TrustMaterial;
import dev.mailwizard.ui.export.ExportView;
import dev.mailwizard.ui.export.ExportViewModel;
import dev.mailwizard.ui.export.ExportedItem;
import dev.mailwizard.ui.task.ImmediateTaskRunner;
import dev.mailwizard.ui.task.UiDispatcher;
import dev.mailwizard.ui.testing.TestingViewModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Export step's phone code as a person sees it, headless on Monocle, after a real test run
 * against scripted SMTP and IMAP servers: ticking the format shows the code, and what is drawn on
 * screen scans (ZXing) to a payload that follows the format; the password is in it only while
 * ticked, and then the warning is there.
 */
@ExtendWith(ApplicationExtension.class)
class PhoneCodeViewTest {
    private static final DemoPki PKI = DemoPki.newAuthority("Phone Code Test CA");
    private static final String HOST = "mail.phone.test";
    private static final String USER = "pat@phone.test";
    private static final String PASSWORD = "phone-pw-4711";
    private Path home;

    @Start
    void start(Stage stage) throws Exception {
        WizardState state = new WizardState(() -> TrustMaterial.only(List.of(PKI.caCertificate())));
        state.nameProperty().set("Pat Phone");
        state.addressProperty().set(USER);
        state.passwordProperty().set(PASSWORD);
        state.mappingsProperty().set(HOST + ":127.0.0.1");
        home = Files.createTempDirectory("phone-home");
        var cert = PKI.issue(HOST);
        try (var smtp = ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(cert.serverContext()).user(USER, PASSWORD).build());
             var imap = ScriptedImapServer.start(MailboxBehaviour.implicit(cert.serverContext(), USER, PASSWORD))) {
            state.servers().setAll(new ServerRow(HOST, smtp.port(), Security.TLS, CandidateSource.USER, true),
                    new ServerRow(Protocol.IMAP, HOST, imap.port(), Security.TLS, CandidateSource.USER, true));
            new TestingViewModel(state, new ImmediateTaskRunner(), UiDispatcher.IMMEDIATE).start();
        }
        ExportView view = new ExportView(new ExportViewModel(state, new ImmediateTaskRunner(), "Linux", home));
        stage.setScene(new Scene((Parent) view.view(), 1100, 760));
        stage.show();
    }

    /** What the code on screen says: the pixels the scene drew for it, read by ZXing. */
    private static String scanScreen(FxRobot robot) {
        ImageView code = robot.lookup("#phoneCode").queryAs(ImageView.class);
        WritableImage[] drawn = new WritableImage[1];
        robot.interact(() -> drawn[0] = code.snapshot(null, null));
        int w = (int) drawn[0].getWidth();
        int h = (int) drawn[0].getHeight();
        int[] argb = new int[w * h];
        drawn[0].getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return QrCodes.decode(w, h, argb).text();
    }

    @Test
    void tickingTheFormatShowsTheCodeLargeAndItScansWithoutThePassword(FxRobot robot) {
        assertThat(robot.lookup("#phoneCodeBox").query().isVisible()).isFalse();
        robot.clickOn("#format-thunderbird-qr");
        assertThat(robot.lookup("#phoneCodeBox").query().isVisible()).isTrue();
        assertThat(robot.lookup("#phoneCodeScan").queryAs(Label.class).getText()).isEqualTo("Scan with Thunderbird on your phone: Settings > Import");
        ImageView code = robot.lookup("#phoneCode").queryAs(ImageView.class);
        Image picture = code.getImage();
        // Shown at its own size: whole pixels per module, nothing resampled; 8 pixels per module makes it large.
        assertThat(code.getBoundsInParent().getWidth()).isEqualTo(picture.getWidth());
        assertThat(picture.getWidth()).isGreaterThanOrEqualTo(400);
        String payload = scanScreen(robot);
        assertThat(ThunderbirdQrValidator.problems(payload)).isEmpty();
        assertThat(payload).startsWith("[1,[1,1],[0,\"" + HOST + "\",").contains("[\"" + USER + "\",\"Pat Phone\"]")
                .doesNotContain(PASSWORD);
        assertThat(robot.lookup("#phoneCodeWarning").query().isVisible()).isFalse();

        robot.clickOn("#format-thunderbird-qr");
        assertThat(robot.lookup("#phoneCodeBox").query().isVisible()).isFalse();
    }

    @Test
    void thePasswordIsInTheCodeOnlyWhileTickedAndThenTheWarningIsShown(FxRobot robot) {
        robot.clickOn("#format-thunderbird-qr");
        CheckBox tick = robot.lookup("#phoneCodePassword").queryAs(CheckBox.class);
        assertThat(tick.isSelected()).isFalse();
        robot.clickOn(tick);
        assertThat(robot.lookup("#phoneCodeWarning").query().isVisible()).isTrue();
        assertThat(robot.lookup("#phoneCodeWarning").queryAs(Label.class).getText())
                .startsWith("This code now shows your password. Anyone who sees it, or a photo of it, can read the password.");
        String payload = scanScreen(robot);
        assertThat(ThunderbirdQrValidator.problems(payload)).isEmpty();
        assertThat(payload).contains(",\"\",\"" + PASSWORD + "\"]").contains(",\"" + PASSWORD + "\"],[\"" + USER);

        robot.clickOn(tick);
        assertThat(robot.lookup("#phoneCodeWarning").query().isVisible()).isFalse();
        assertThat(scanScreen(robot)).doesNotContain(PASSWORD);
    }

    @Test
    void exportingTheFormatWritesThePictureAndItsTextPrivately(FxRobot robot) throws Exception {
        robot.clickOn("#format-thunderbird-qr");
        // Below the code, out of the window's view: pressed as the keyboard would, without scrolling to it.
        robot.interact(() -> robot.lookup("#export").queryAs(Button.class).fire());
        Path dir = home.resolve("MailWizard").resolve(USER);
        Path png = dir.resolve("thunderbird-android-qr.png");
        Path txt = dir.resolve("thunderbird-android-qr.txt");
        assertThat(QrCodes.decode(Files.readAllBytes(png)).text() + "\n").isEqualTo(Files.readString(txt));
        assertThat(Files.readString(txt)).doesNotContain(PASSWORD);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(png))).isEqualTo("rw-------");
        // A picture has no text to copy.
        @SuppressWarnings("unchecked")
        ListView<ExportedItem> list = robot.lookup("#exportResults").queryAs(ListView.class);
        ExportedItem picture = list.getItems().stream().filter(i -> i.path() != null && i.path().equals(png)).findFirst().orElseThrow();
        robot.interact(() -> list.getSelectionModel().select(picture));
        assertThat(robot.lookup("#copyFile").queryAs(Button.class).isDisabled()).isTrue();
    }
}
