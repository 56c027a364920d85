package dev.mailwizard.ui;

import static dev.mailwizard.ui.SignInFixture.ADDRESS;
import static dev.mailwizard.ui.SignInFixture.HOST;
import static dev.mailwizard.ui.SignInFixture.xoauth2;
import static dev.mailwizard.ui.SignInFixture.xoauth2Responses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.Security;
import dev.mailwizard.probe.TrustMaterial;
import dev.mailwizard.signin.MemoryTokenStore;
import dev.mailwizard.ui.app.WizardWindow;
import dev.mailwizard.ui.task.FxTaskRunner;
import dev.mailwizard.ui.testing.MatrixRow;

import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Signing in with Google in the wizard, headless on Monocle: a registration for smtp.gmail.com (here
 * a scripted server on loopback), the authorization server mock-oauth2-server over HTTPS, and the
 * person's browser played by the test, which follows the page the wizard asked to open when it
 * chooses to. The scripted server accepts exactly the token the sign-in gets.
 */
@ExtendWith(ApplicationExtension.class)
class SignInWizardTest {
    @TempDir
    static Path dir;
    static SignInFixture fixture;

    private final List<URI> opened = new CopyOnWriteArrayList<>();
    private final MemoryTokenStore store = new MemoryTokenStore();
    private WizardWindow window;
    @RegisterExtension
    final StartedServers servers = new StartedServers();

    @BeforeAll
    static void startAuthorizationServer() {
        fixture = new SignInFixture(dir);
    }

    @AfterAll
    static void stopAuthorizationServer() {
        fixture.close();
    }

    @Start
    void start(Stage stage) {
        fixture.authorization.received(); // forget what earlier tests sent it
        window = new WizardWindow(stage, new WizardState(() -> TrustMaterial.only(List.of(fixture.pki.caCertificate()))), new FxTaskRunner(),
                FxTaskRunner.dispatcher(), s -> dev.mailwizard.discovery.Discovery.guessOnly(), fixture.support(fixture.registrations, opened::add, store));
        stage.show();
    }

    /** Alice's Gmail address, with the sign-in chosen (the default). */
    private void typeAddress(FxRobot robot) {
        robot.clickOn("#address").write(ADDRESS);
        assertThat(robot.lookup("#signInBrowser").queryAs(RadioButton.class).isSelected()).isTrue();
    }

    /** Next to Servers, the scripted server as the one row (by its name, mapped to loopback), then Next to Testing until the browser is asked. */
    private void testWith(FxRobot robot, ScriptedSmtpServer server) throws Exception {
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.state().servers().isEmpty());
        robot.interact(() -> {
            window.state().servers().setAll(new ServerRow(HOST, server.port(), Security.TLS, CandidateSource.USER, true));
            window.state().mappingsProperty().set(HOST + ":127.0.0.1");
            window.state().extraCaProperty().set(fixture.caFile); // the authorization server's CA, as "Extra CA certificate" sets it
        });
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !opened.isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void browse(URI url) {
        Thread t = new Thread(() -> fixture.authorization.browse(url), "test-browser");
        t.setDaemon(true);
        t.start();
    }

    private void waitForRunEnd() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.state().reportProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void theAccountStepOffersTheSignInAndThePasswordIsNotAsked(FxRobot robot) {
        robot.clickOn("#address").write(ADDRESS);
        RadioButton browser = robot.lookup("#signInBrowser").queryAs(RadioButton.class);
        assertThat(browser.getText()).isEqualTo("Sign in with Google in your browser");
        assertThat(browser.isDisabled()).isFalse();
        assertThat(robot.lookup("#password").queryAs(PasswordField.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#rememberSignIn").queryAs(CheckBox.class).isSelected()).isFalse();
        assertThat(shown(robot.lookup("#signInUnavailable").query())).isFalse();
        assertThat(robot.lookup("#next").queryAs(Button.class).isDisabled()).isFalse();

        // The keyboard's way through: the disabled password is skipped; Tab reaches the chosen option of
        // the pair (as in every radio group), the arrow keys the other one; the login name comes after.
        List<String> focused = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            robot.type(KeyCode.TAB);
            focused.add(window.scene().getFocusOwner().getId());
        }
        assertThat(focused).containsExactly("providerHelp", "signInBrowser", "rememberSignIn", "login");
        robot.clickOn("#signInBrowser").type(KeyCode.DOWN);
        assertThat(window.scene().getFocusOwner().getId()).isEqualTo("signInPassword");
        assertThat(robot.lookup("#password").queryAs(PasswordField.class).isDisabled()).as("the arrow key chose the password").isFalse();
        assertThat(robot.lookup("#rememberSignIn").queryAs(CheckBox.class).isDisabled()).isTrue();
        robot.clickOn("#signInBrowser");
        assertThat(robot.lookup("#password").queryAs(PasswordField.class).isDisabled()).isTrue();
    }

    @Test
    void signingInInTheBrowserLogsInWithTheTokenAndTheResultShowsTheSetting(FxRobot robot) throws Exception {
        ScriptedSmtpServer server = servers.start(fixture.mailServerBehaviour(fixture.token()));
        typeAddress(robot);
        testWith(robot, server);

        assertThat(text(robot, "#testingStatus")).isEqualTo("Sign in with Google in your browser (waiting up to 5 min)...");
        TextField link = robot.lookup("#signInLink").queryAs(TextField.class);
        assertThat(shown(link)).isTrue();
        assertThat(link.getText()).isEqualTo(opened.get(0).toString()).startsWith(fixture.authorization.authorizationEndpoint().toString());
        assertThat(robot.lookup("#next").queryAs(Button.class).isDisabled()).isTrue();
        robot.clickOn("#openSignInAgain");
        assertThat(opened).hasSize(2).containsOnly(opened.get(0));

        browse(opened.get(0));
        waitForRunEnd();
        @SuppressWarnings("unchecked")
        TableView<MatrixRow> matrix = robot.lookup("#matrix").queryAs(TableView.class);
        assertThat(matrix.getItems()).extracting(r -> r.outcomeProperty().get()).containsExactly("OK");
        assertThat(shown(link)).isFalse();
        assertThat(xoauth2Responses(server)).containsExactly(xoauth2(fixture.token()));
        assertThat(server.authAttempts()).isEqualTo(1);

        robot.clickOn("#next");
        assertThat(text(robot, "#resultServer")).isEqualTo(HOST);
        assertThat(text(robot, "#resultPort")).isEqualTo(Integer.toString(server.port()));
        assertThat(text(robot, "#resultLogin")).contains(ADDRESS);
        assertThat(store.load(ADDRESS)).as("not remembered unless ticked").isEmpty();
    }

    @Test
    void cancelWhileWaitingForTheBrowserStopsListeningAndTestsNothing(FxRobot robot) throws Exception {
        ScriptedSmtpServer server = servers.start(fixture.mailServerBehaviour(fixture.token()));
        typeAddress(robot);
        testWith(robot, server);
        URI redirect = URI.create(redirectUri(opened.get(0)));
        try (Socket listening = new Socket(redirect.getHost(), redirect.getPort())) {
            assertThat(listening.isConnected()).as("the wizard listens for the browser's answer").isTrue();
        }

        robot.clickOn("#cancel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.viewModel().steps().testing().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#testingStatus")).isEqualTo("The sign-in was cancelled; nothing was tested. Go back to change something, or test again.");
        assertThatThrownBy(() -> new Socket(redirect.getHost(), redirect.getPort()).close()).as("nothing listens any more")
                .isInstanceOf(ConnectException.class);
        assertThat(shown(robot.lookup("#signInLink").query())).isFalse();
        assertThat(robot.lookup("#next").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#back").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(window.state().reportProperty().get()).isNull();
        assertThat(server.connections()).isZero();
        assertThat(fixture.authorization.tokenRequests()).isEmpty();
    }

    @Test
    void rememberKeepsTheSignInInTheTokenStore(FxRobot robot) throws Exception {
        ScriptedSmtpServer server = servers.start(fixture.mailServerBehaviour(fixture.token()));
        typeAddress(robot);
        robot.clickOn("#rememberSignIn");
        testWith(robot, server);
        browse(opened.get(0));
        waitForRunEnd();

        var grant = store.load(ADDRESS).orElseThrow();
        assertThat(grant.issuer()).isEqualTo(fixture.authorization.issuer());
        assertThat(grant.clientId()).isEqualTo(SignInFixture.CLIENT_ID);
        assertThat(text(robot, "#rememberNote")).isEqualTo("The sign-in is remembered in the system keyring: \"mailwizard oauth2 token "
                + ADDRESS + "\" gives mail programs a fresh access token.");
        assertThat(xoauth2Responses(server)).containsExactly(xoauth2(fixture.token()));
    }

    /** Whether the person sees {@code node}: it and every parent are visible. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static String redirectUri(URI authorizationUrl) {
        return Arrays.stream(authorizationUrl.getRawQuery().split("&")).filter(p -> p.startsWith("redirect_uri="))
                .map(p -> URLDecoder.decode(p.substring("redirect_uri=".length()), StandardCharsets.UTF_8)).findFirst().orElseThrow();
    }
}
