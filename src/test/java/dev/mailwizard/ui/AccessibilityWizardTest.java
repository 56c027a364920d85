package dev.mailwizard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.model.Outcome;
import dev.mailwizard.probe.TrustMaterial;
import dev.mailwizard.ui.app.WizardWindow;
import dev.mailwizard.ui.task.FxTaskRunner;
import dev.mailwizard.ui.testing.MatrixRow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 17, usable by everyone: every control a keyboard reaches has a name a screen reader can
 * say (in every step and dialog of a demo run), the focus starts on a step's first field and Tab
 * follows the form, Enter is Next, the theme can be switched to high contrast, and every outcome
 * carries an icon whose shape, not only its colour, says what happened, and a word.
 */
@ExtendWith(ApplicationExtension.class)
class AccessibilityWizardTest {
    private WizardWindow window;

    @Start
    void start(Stage stage) {
        // Guessing only: these tests must not depend on the network.
        window = new WizardWindow(stage, new WizardState(() -> TrustMaterial.only(List.of())),
                new FxTaskRunner(), FxTaskRunner.dispatcher(), s -> dev.mailwizard.discovery.Discovery.guessOnly());
        stage.show();
    }

    private Parent root() {
        return window.scene().getRoot();
    }

    private void assertAllNamed(FxRobot robot, String where, Parent root) throws Exception {
        List<String> unnamed = WaitForAsyncUtils.asyncFx(() -> AccessibleNames.unnamedFocusable(root)).get(10, TimeUnit.SECONDS);
        assertThat(unnamed).as("focusable controls without an accessible name in %s", where).isEmpty();
    }

    private void runDemo(FxRobot robot) throws Exception {
        robot.clickOn("#demoLink");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.state().reportProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String focusedId(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Node focused = window.scene().getFocusOwner();
        return focused == null ? null : focused.getId();
    }

    @Test
    void everyControlTheKeyboardReachesHasANameInEveryStepAndDialog(FxRobot robot) throws Exception {
        assertAllNamed(robot, "Account", root());
        robot.clickOn("#address").write("alice@gmail.com");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#providerHelp").query().isVisible()).as("the provider's help link is shown").isTrue();
        assertAllNamed(robot, "Account, with the provider's hint and sign-in choice", root());
        robot.interact(() -> window.state().addressProperty().set("alice@example.org"));
        robot.clickOn("#showPassword");
        assertAllNamed(robot, "Account, password shown", root());
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.state().servers().isEmpty());
        robot.interact(() -> ((TitledPane) robot.lookup("#advanced").query()).setExpanded(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertAllNamed(robot, "Servers", root());
        // The timeout is one Tab stop, its editor, and the arrow keys still change it.
        int timeout = window.state().timeoutSecondsProperty().get();
        robot.clickOn(robot.from(robot.lookup("#timeout").queryParent()).lookup(".text-field").queryAs(TextField.class));
        robot.type(KeyCode.UP);
        assertThat(window.state().timeoutSecondsProperty().get()).isEqualTo(timeout + 1);
        robot.clickOn("#back");

        runDemo(robot);
        assertAllNamed(robot, "Testing", root());
        robot.clickOn("#next");
        robot.interact(() -> ((TitledPane) robot.lookup("#helpdesk").query()).setExpanded(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertAllNamed(robot, "Result", root());

        // The certificate viewer and the trust question, as the Result step opens them.
        // Fired later, not inside interact(): the dialog waits for its answer in a nested event loop.
        Platform.runLater(robot.lookup(Messages.get("result.certificate")).queryButton()::fire);
        DialogPane certificate = (DialogPane) dialog(robot);
        assertAllNamed(robot, "the certificate dialog", certificate);
        robot.interact(() -> ((javafx.scene.control.Button) certificate.lookupButton(javafx.scene.control.ButtonType.OK)).fire());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.listWindows().stream().noneMatch(this::isDialog));
        Platform.runLater(robot.lookup("#trust").queryButton()::fire);
        assertAllNamed(robot, "the trust dialog", dialog(robot));
        robot.clickOn(Messages.get("trust.cancel"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.listWindows().stream().noneMatch(this::isDialog));

        robot.clickOn("#next");
        Path dir = Files.createTempDirectory("a11y-export");
        robot.interact(() -> robot.lookup("#exportFolder").queryAs(TextField.class).setText(dir.toString()));
        robot.interact(() -> robot.lookup("#format-thunderbird-qr").queryAs(CheckBox.class).setSelected(true));
        robot.interact(() -> robot.lookup("#export").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#exportResults").queryListView().getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertAllNamed(robot, "Export", root());
        assertThat(AccessibleNames.name(robot.lookup("#phoneCode").query())).isEqualTo(Messages.get("export.phone.code.a11y"));
    }

    private Parent dialog(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.listWindows().stream().anyMatch(this::isDialog));
        WaitForAsyncUtils.waitForFxEvents();
        return robot.listWindows().stream().filter(this::isDialog).findFirst().orElseThrow().getScene().getRoot();
    }

    private boolean isDialog(Window w) {
        return w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane;
    }

    @Test
    void fieldsWhoseLabelDoesNotSayEverythingCarryHelp(FxRobot robot) {
        assertThat(AccessibleNames.help(robot.lookup("#password").query())).isEqualTo(Messages.get("account.password.hint.empty"));
        assertThat(AccessibleNames.help(robot.lookup("#login").query())).isEqualTo(Messages.get("account.login.hint"));
        assertThat(AccessibleNames.help(robot.lookup("#showPassword").query())).isEqualTo(Messages.get("account.password.show"));
        assertThat(AccessibleNames.help(robot.lookup("#themeChooser").query())).isEqualTo(Messages.get("shell.theme.help"));
        robot.clickOn("#address").write("alice@");
        assertThat(AccessibleNames.help(robot.lookup("#address").query())).contains("no domain");
        // The password's label names whichever password field is shown.
        assertThat(AccessibleNames.name(robot.lookup("#password").query())).isEqualTo("Password");
        robot.clickOn("#showPassword");
        assertThat(AccessibleNames.name(robot.lookup("#passwordShown").query())).isEqualTo("Password");
    }

    @Test
    void theFocusStartsOnYourNameAndTabFollowsTheForm(FxRobot robot) {
        assertThat(focusedId(robot)).isEqualTo("name");
        robot.write("Alice Example");
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            robot.type(KeyCode.TAB);
            order.add(focusedId(robot));
            if (i == 0) {
                robot.write("alice@example.org");
            }
        }
        assertThat(order).containsExactly("address", "password", "showPassword", "login", "demoLink");
        robot.type(KeyCode.TAB);
        assertThat(focusedId(robot)).as("then the buttons at the bottom").isEqualTo("cancel");
        robot.type(KeyCode.TAB);
        assertThat(focusedId(robot)).as("Back is off on the first step").isEqualTo("next");
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        assertThat(focusedId(robot)).isEqualTo("cancel");
    }

    @Test
    void enterOnTheLastFieldIsNextAndDoesNothingWhileNextIsOff(FxRobot robot) throws Exception {
        robot.clickOn("#login").write("alice");
        robot.type(KeyCode.ENTER);
        assertThat(robot.lookup("#serversTable").tryQuery()).as("Next is off without an address").isEmpty();
        robot.clickOn("#address").write("alice@example.org");
        robot.clickOn("#login");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#serversTable").tryQuery()).as("Enter went on to the Servers step").isPresent();
        assertThat(focusedId(robot)).as("the focus starts on the step's first field").isEqualTo("serversTable");
    }

    @Test
    void theThemeCanBeSwitchedToHighContrastInTheSideBar(FxRobot robot) {
        assertThat(window.scene().getStylesheets()).last().asString().endsWith(Theme.fromSystem().id() + ".css");
        robot.clickOn("#themeChooser");
        robot.clickOn(Theme.HIGH_CONTRAST.label());
        assertThat(window.scene().getStylesheets()).hasSize(2).last().asString().endsWith("/high-contrast.css");
        assertThat(window.shell().themeProperty().get()).isEqualTo(Theme.HIGH_CONTRAST);
    }

    @Test
    void everyOutcomeIconHasItsOwnShapeAndEveryOutcomeAWord(FxRobot robot) {
        List<String> glyphs = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (OutcomeSignal s : OutcomeSignal.values()) {
            glyphs.add(glyph(s.icon()));
            words.add(s.word());
        }
        assertThat(glyphs).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(words).allMatch(w -> !w.isBlank()).doesNotHaveDuplicates();
        assertThat(Arrays.stream(Outcome.values()).map(OutcomeSignal::of)).contains(OutcomeSignal.WORKS, OutcomeSignal.WARNING,
                OutcomeSignal.FAILS, OutcomeSignal.SKIPPED);
    }

    @Test
    void theMatrixAndTheResultSayEachOutcomeWithAnIconAndAWord(FxRobot robot) throws Exception {
        runDemo(robot);
        @SuppressWarnings("unchecked")
        TableView<MatrixRow> matrix = robot.lookup("#matrix").queryAs(TableView.class);
        List<TableCell<?, ?>> cells = new ArrayList<>();
        robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableView() == matrix && !c.isEmpty() && c.getGraphic() != null && c.getGraphic().getStyleClass().contains("icon"))
                .forEach(cells::add);
        assertThat(cells).as("phase and result cells with icons").hasSizeGreaterThan(matrix.getItems().size() * 5);
        for (TableCell<?, ?> cell : cells) {
            MatrixRow row = matrix.getItems().get(cell.getIndex());
            String said = AccessibleNames.name(cell);
            assertThat(said).as("a screen reader hears the endpoint, not a glyph").startsWith(OutcomeTexts.endpoint(row.endpoint()));
            if (cell.getTableColumn().getText().equals(Messages.get("testing.col.result"))) {
                Outcome outcome = row.resultProperty().get().outcome();
                OutcomeSignal signal = OutcomeSignal.of(outcome);
                assertThat(cell.getText()).isEqualTo(outcome.name());
                assertThat(said).contains(": " + signal.word() + " (" + outcome.name() + ")");
                assertThat(glyph(cell.getGraphic())).isEqualTo(glyph(signal.icon()));
            }
        }
        assertThat(cells).extracting(c -> glyph(c.getGraphic())).contains("glyph-check", "glyph-cross");

        robot.clickOn("#next");
        Label headline = robot.lookup("#resultHeadline").queryAs(Label.class);
        assertThat(headline.getText()).isEqualTo(Messages.get("result.ok"));
        assertThat(glyph(headline.getGraphic())).isEqualTo("glyph-check");
        List<Label> titles = robot.from(robot.lookup("#failures").queryParent()).lookup(".failure-title").queryAllAs(Label.class).stream().toList();
        assertThat(titles).isNotEmpty();
        for (Label title : titles) {
            Node icon = title.getParent().getParent().getChildrenUnmodifiable().get(0);
            Outcome outcome = Arrays.stream(Outcome.values()).filter(o -> title.getText().endsWith("(" + o.name() + ")")).findFirst().orElseThrow();
            assertThat(title.getText()).contains(": " + OutcomeSignal.of(outcome).word() + " (");
            assertThat(glyph(icon)).isEqualTo(OutcomeSignal.of(outcome) == OutcomeSignal.FAILS ? "glyph-cross" : "glyph-triangle");
        }
    }

    private static String glyph(Node icon) {
        return icon == null ? null : icon.getStyleClass().stream().filter(c -> c.startsWith("glyph-")).findFirst().orElse(null);
    }
}
