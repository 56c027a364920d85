package dev.mailwizard.ui;

import static dev.mailwizard.ui.SignInFixture.ADDRESS;
import static dev.mailwizard.ui.SignInFixture.xoauth2;
import static dev.mailwizard.ui.SignInFixture.xoauth2Responses;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.demo.ServerBehaviour;
import dev.mailwizard.discovery.Discovery;
import dev.mailwizard.model.AuthMethod;
import dev.mailwizard.probe.ProbeReport;
import dev.mailwizard.signin.Browser;
import dev.mailwizard.signin.MemoryTokenStore;
import dev.mailwizard.signin.StoredGrant;
import dev.mailwizard.signin.TokenStore;
import dev.mailwizard.signin.TokenStoreException;
import dev.mailwizard.ui.account.AccountViewModel;
import dev.mailwizard.ui.app.WizardViewModel;
import dev.mailwizard.ui.export.ExportViewModel;
import dev.mailwizard.ui.result.ResultViewModel;
import dev.mailwizard.ui.servers.ServersViewModel;
import dev.mailwizard.ui.task.ImmediateTaskRunner;
import dev.mailwizard.ui.task.TaskRunner;
import dev.mailwizard.ui.task.UiDispatcher;
import dev.mailwizard.ui.testing.TestingViewModel;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Testing run that signs in first, without the toolkit: the real sign-in (mock-oauth2-server over
 * HTTPS, the browser an HTTP client on its own thread) and the real probe engine against a scripted
 * smtp.gmail.com, inline. Asserts what the mail server received and what the person is told.
 */
class SignInRunViewModelTest {
    @TempDir
    static Path dir;
    static SignInFixture fixture;

    private final List<URI> opened = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        fixture = new SignInFixture(dir);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private TestingViewModel testing(WizardState state, Browser browser, TokenStore store) {
        fixture.authorization.received(); // forget earlier tests' requests
        return new TestingViewModel(state, new ImmediateTaskRunner(), UiDispatcher.IMMEDIATE, fixture.support(fixture.registrations, browser, store));
    }

    @Test
    void theRunSignsInAndTheServerGetsTheTokenOnceByXoauth2() {
        try (ScriptedSmtpServer server = fixture.mailServer(fixture.token())) {
            WizardState state = fixture.state(server);
            TestingViewModel vm = testing(state, fixture.browser(opened), new MemoryTokenStore());
            vm.start();

            assertThat(opened).hasSize(1);
            assertThat(opened.get(0).toString()).startsWith(fixture.authorization.authorizationEndpoint() + "?")
                    .contains("login_hint=alice%40gmail.com");
            assertThat(xoauth2Responses(server)).containsExactly(xoauth2(fixture.token()));
            assertThat(server.authAttempts()).isEqualTo(1);
            assertThat(vm.finishedProperty().get()).isTrue();
            assertThat(vm.rows().get(0).outcomeProperty().get()).isEqualTo("OK");
            assertThat(vm.signInUrlProperty().get()).as("nothing waits for the browser any more").isNull();
            assertThat(state.reportProperty().get().recommended().authMethod()).isEqualTo(AuthMethod.OAUTH2);
            assertThat(new ResultViewModel(state).clipboardText()).contains("Authentication: OAuth2 sign-in (XOAUTH2)");
            assertThat(fixture.authorization.tokenRequests()).hasSize(1);
        }
    }

    /** Kept in memory for this window: Test again needs no browser; once the window closes, it is wiped and the next run signs in again. */
    @Test
    void testAgainUsesTheSignInOfThisWindowUntilTheWindowForgetsIt() {
        try (ScriptedSmtpServer server = fixture.mailServer(fixture.token())) {
            WizardState state = fixture.state(server);
            TestingViewModel vm = testing(state, fixture.browser(opened), new MemoryTokenStore());
            vm.start();
            HeldToken held = state.heldToken();
            assertThat(held).isNotNull();

            vm.start();
            assertThat(opened).as("no second trip to the browser").hasSize(1);
            assertThat(vm.statusProperty().get()).startsWith("Done:");
            assertThat(xoauth2Responses(server)).containsExactly(xoauth2(fixture.token()), xoauth2(fixture.token()));
            assertThat(fixture.authorization.tokenRequests()).hasSize(1);

            state.clearSecrets();
            assertThat(state.heldToken()).isNull();
            assertThat(new String(held.tokens().accessToken())).as("wiped").matches("\0+");
            vm.start();
            assertThat(opened).hasSize(2);
            assertThat(vm.finishedProperty().get()).isTrue();
        }
    }

    @Test
    void anotherLoginNameSignsInAgain() {
        try (ScriptedSmtpServer server = fixture.mailServer(fixture.token())) {
            WizardState state = fixture.state(server);
            TestingViewModel vm = testing(state, fixture.browser(opened), new MemoryTokenStore());
            vm.start();
            state.loginProperty().set("alice.other@gmail.com");
            vm.start();
            assertThat(opened).hasSize(2);
        }
    }

    @Test
    void aTokenTheServerRefusesIsNotKept() {
        try (ScriptedSmtpServer server = fixture.mailServer("another-token")) {
            WizardState state = fixture.state(server);
            TestingViewModel vm = testing(state, fixture.browser(opened), new MemoryTokenStore());
            vm.start();
            assertThat(vm.rows().get(0).outcomeProperty().get()).isEqualTo("LOGIN_REJECTED");
            assertThat(state.heldToken()).isNull();
            vm.start();
            assertThat(opened).hasSize(2);
        }
    }

    @Test
    void aDeclinedSignInEndsTheRunWithoutTestingOrAResult() {
        try (ScriptedSmtpServer server = fixture.mailServer(fixture.token())) {
            WizardState state = fixture.state(server);
            TestingViewModel vm = testing(state, url -> {
                opened.add(url);
                new Thread(() -> fixture.authorization.answerWithoutServer(url, "error=access_denied")).start();
            }, new MemoryTokenStore());
            vm.start();

            assertThat(vm.statusProperty().get()).isEqualTo("Signing in with Google did not work: the sign-in was declined in the browser"
                    + " (access_denied); nothing was signed in. Nothing was tested.");
            assertThat(vm.runningProperty().get()).isFalse();
            assertThat(vm.finishedProperty().get()).as("Next stays off").isFalse();
            assertThat(vm.cancelledProperty().get()).isFalse();
            assertThat(state.reportProperty().get()).as("no result, not even an empty one").isNull();
            assertThat(server.connections()).isZero();
            assertThat(fixture.authorization.tokenRequests()).isEmpty();
        }
    }

    @Test
    void aRunOverServersNoRegistrationServesStopsBeforeTheBrowserOpens() throws Exception {
        try (ScriptedSmtpServer server = fixture.mailServer(fixture.token())) {
            WizardState state = fixture.state(server);
            // A registration for Google (imap.gmail.com lies in Gmail's server domains), but not for the server this run tests.
            Path file = fixture.registrationsFile(dir.resolve("imap-only"), List.of("imap.gmail.com"));
            TestingViewModel vm = new TestingViewModel(state, new ImmediateTaskRunner(), UiDispatcher.IMMEDIATE,
                    fixture.support(file, fixture.browser(opened), new MemoryTokenStore()));
            vm.start();
            assertThat(opened).isEmpty();
            assertThat(vm.statusProperty().get()).isEqualTo("MailWizard has no sign-in registration for smtp.gmail.com in " + file
                    + ". Go back and use an app password, or ask your organisation to add these servers to its registration.");
            assertThat(vm.finishedProperty().get()).isFalse();
            assertThat(server.connections()).isZero();
        }
    }

    @Test
    void rememberKeepsTheGrantInTheStoreAndSaysSo() throws Exception {
        try (ScriptedSmtpServer server = fixture.mailServer(fixture.token())) {
            WizardState state = fixture.state(server);
            MemoryTokenStore store = new MemoryTokenStore();
            TestingViewModel vm = testing(state, fixture.browser(opened), store);
            vm.start();
            assertThat(store.load(ADDRESS)).as("not ticked: nothing kept").isEmpty();
            assertThat(vm.signInNoteProperty().get()).isEmpty();

            state.rememberSignInProperty().set(true);
            vm.start(); // the same sign-in, now remembered
            assertThat(opened).hasSize(1);
            StoredGrant grant = store.load(ADDRESS).orElseThrow();
            assertThat(grant.issuer()).isEqualTo(fixture.authorization.issuer());
            assertThat(grant.clientId()).isEqualTo(SignInFixture.CLIENT_ID);
            assertThat(grant.tokenEndpoint()).isEqualTo(fixture.authorization.tokenEndpoint());
            assertThat(vm.signInNoteProperty().get()).isEqualTo("The sign-in is remembered in the system keyring: \"mailwizard oauth2 token "
                    + ADDRESS + "\" gives mail programs a fresh access token.");
        }
    }

    /**
     * The window closes while the run probes after a sign-in (the token granted, the server a tarpit):
     * the run ends cancelled, and its new token is wiped rather than kept. Work on a pool thread, the
     * "UI" one thread, as in the window; driven by the server's events.
     */
    @Test
    void closingTheWindowDuringTheRunKeepsNoToken() throws Exception {
        ExecutorService uiThread = Executors.newSingleThreadExecutor();
        try (ScriptedSmtpServer tarpit = ScriptedSmtpServer.start(ServerBehaviour.builder().silent().build())) {
            WizardState state = fixture.state(tarpit);
            state.timeoutSecondsProperty().set(120);
            UiDispatcher ui = uiThread::execute;
            TaskRunner runner = ViewModelTest.threadedRunner(ui);
            TestingViewModel testing = new TestingViewModel(state, runner, ui,
                    fixture.support(fixture.registrations, fixture.browser(opened), new MemoryTokenStore()));
            // No window or dialogs: closing asks neither.
            WizardViewModel wizard = new WizardViewModel(state, new WizardViewModel.Steps(new AccountViewModel(state),
                    new ServersViewModel(state, runner, st -> Discovery.guessOnly()), testing, new ResultViewModel(state),
                    new ExportViewModel(state, runner, "Linux", Path.of("unused-home"))), null, null);
            CompletableFuture<ProbeReport> ended = new CompletableFuture<>();
            uiThread.submit(() -> {
                state.reportProperty().addListener((o, before, report) -> {
                    if (report != null) {
                        ended.complete(report);
                    }
                });
                testing.start();
            }).get();
            assertThat(tarpit.waitUntil(s -> s.connections() > 0, Duration.ofSeconds(20))).as("signed in, and probing").isTrue();

            uiThread.submit(wizard::dispose).get();
            assertThat(ended.get(30, TimeUnit.SECONDS).cancelled()).isTrue();
            uiThread.submit(() -> { }).get(); // the run's end has been handled
            assertThat(opened).hasSize(1);
            assertThat(state.heldToken()).isNull();
        } finally {
            uiThread.shutdown();
        }
    }

    @Test
    void aKeyringThatFailsIsAWarningAndTheRunGoesOn() {
        TokenStore noKeyring = new TokenStore() {
            @Override
            public Optional<StoredGrant> load(String address) {
                return Optional.empty();
            }

            @Override
            public void save(String address, StoredGrant grant) throws TokenStoreException {
                throw new TokenStoreException("no OS keyring is available here");
            }

            @Override
            public boolean delete(String address) {
                return false;
            }
        };
        try (ScriptedSmtpServer server = fixture.mailServer(fixture.token())) {
            WizardState state = fixture.state(server);
            state.rememberSignInProperty().set(true);
            TestingViewModel vm = testing(state, fixture.browser(opened), noKeyring);
            vm.start();
            assertThat(vm.signInNoteProperty().get()).isEqualTo("Signed in, but the sign-in was not remembered: no OS keyring is available here.");
            assertThat(vm.finishedProperty().get()).isTrue();
            assertThat(xoauth2Responses(server)).containsExactly(xoauth2(fixture.token()));
        }
    }
}
