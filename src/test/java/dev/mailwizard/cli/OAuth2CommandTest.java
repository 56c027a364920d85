package dev.mailwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.mailwizard.model.AuthMethod;
import dev.mailwizard.model.Credentials;
import dev.mailwizard.signin.MemoryTokenStore;
import dev.mailwizard.signin.MockAuthorizationServer;
import dev.mailwizard.signin.StoredGrant;
import dev.mailwizard.signin.TokenStore;
import dev.mailwizard.signin.TokenStoreException;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command line's OAuth2 parts: {@code probe --oauth2} against a real authorization server
 * (mock-oauth2-server over HTTPS, its CA given with --trust-ca, the browser an HTTP client),
 * {@code --oauth2-token-stdin}, the usage errors, and {@code oauth2 token}'s output and exit codes
 * with an in-memory store in place of the OS keyring.
 */
class OAuth2CommandTest {
    static final String ALICE = "alice@mailwizard.test";
    static TestCa ca;
    static MockAuthorizationServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        ca = TestCa.named("OAuth2 Command Test CA");
        server = MockAuthorizationServer.start(ca.pki(), "mailwizard", ALICE, false);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private Path registrations(List<String> hosts) throws Exception {
        return Files.writeString(dir.resolve("oauth2.json"), "{\"registrations\": [" + server.registrationJson("mailwizard-desktop", hosts) + "]}");
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void assertUsage(CliHarness.Result r, String message) {
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("mailwizard probe: " + message + "\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void signingInHandsTheAccessTokenOverAndRemembersTheGrant() throws Exception {
        MemoryTokenStore store = new MemoryTokenStore();
        AtomicReference<URI> opened = new AtomicReference<>();
        server.received();
        CliHarness.Result r = CliHarness.run("", store, url -> {
            opened.set(url);
            server.browse(url);
        }, "probe", ALICE, "--host", "127.0.0.1", "--port", String.valueOf(closedPort()), "--security", "tls", "--timeout", "2",
                "--oauth2", "--oauth2-config", registrations(List.of("127.0.0.1")).toString(), "--oauth2-remember", "--trust-ca", ca.file());

        assertThat(r.err()).contains("mailwizard probe: sign in with " + server.issuer() + " in your browser (waiting up to 5 min; Ctrl-C cancels).")
                .contains("\n" + opened.get() + "\n")
                .contains("mailwizard probe: signed in with " + server.issuer())
                .contains("'mailwizard oauth2 token " + ALICE + "' prints a fresh access token")
                .doesNotContain("eyJ");
        assertThat(r.exitCode()).as("the sign-in worked; the closed port is what fails").isEqualTo(1);
        assertThat(server.tokenRequests()).hasSize(1);
        StoredGrant grant = store.load(ALICE).orElseThrow();
        assertThat(grant.issuer()).isEqualTo(server.issuer());
        assertThat(grant.tokenEndpoint()).isEqualTo(server.tokenEndpoint());
        assertThat(grant.clientId()).isEqualTo("mailwizard-desktop");

        CliHarness.Result token = CliHarness.run("", store, null, "oauth2", "token", ALICE, "--trust-ca", ca.file(),
                "--oauth2-config", dir.resolve("oauth2.json").toString());
        assertThat(token.exitCode()).isEqualTo(0);
        assertThat(token.err()).isEmpty();
        assertThat(token.out()).endsWith("\n").doesNotContain(" ");
        assertThat(token.out().lines()).hasSize(1);
        assertThat(SignedJWT.parse(token.out().strip()).getJWTClaimsSet().getSubject()).isEqualTo(ALICE);
    }

    @Test
    void withoutRememberNothingIsStored() throws Exception {
        MemoryTokenStore store = new MemoryTokenStore();
        CliHarness.Result r = CliHarness.run("", store, server::browse, "probe", ALICE, "--host", "127.0.0.1", "--port", String.valueOf(closedPort()),
                "--security", "tls", "--timeout", "2", "--oauth2", "--oauth2-config", registrations(List.of("127.0.0.1")).toString(), "--trust-ca", ca.file());
        assertThat(r.err()).contains("signed in with").doesNotContain("remembered");
        assertThat(store.load(ALICE)).isEmpty();
    }

    @Test
    void noRegistrationForTheServersSaysWhatToDo() throws Exception {
        Path file = registrations(List.of("other.example"));
        CliHarness.Result r = CliHarness.run("", new MemoryTokenStore(), url -> {
            throw new AssertionError("no browser may open");
        }, "probe", ALICE, "--host", "smtp.mailwizard.test", "--oauth2", "--oauth2-config", file.toString());
        assertUsage(r, "--oauth2: no registration for smtp.mailwizard.test in " + file + "; add one (README, \"Sign in with OAuth2\": your"
                + " organisation registers MailWizard as a desktop app and gives you the client id), or log in with an app password: --password-stdin");
    }

    @Test
    void noRegistrationForAKnownProviderPointsToItsAppPasswordPage() throws Exception {
        Path file = registrations(List.of("other.example"));
        CliHarness.Result r = CliHarness.run("", new MemoryTokenStore(), url -> {
            throw new AssertionError("no browser may open");
        }, "probe", "alice@gmail.com", "--host", "smtp.gmail.com", "--oauth2", "--oauth2-config", file.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no registration for smtp.gmail.com")
                .contains("or log in with an app password: --password-stdin (Gmail: https://support.google.com/accounts/answer/185833)");
    }

    @Test
    void aDeclinedSignInExitsThreeAndProbesNothing() throws Exception {
        CliHarness.Result r = CliHarness.run("", new MemoryTokenStore(), url -> server.answerWithoutServer(url, "error=access_denied"),
                "probe", ALICE, "--host", "127.0.0.1", "--oauth2", "--oauth2-config", registrations(List.of("127.0.0.1")).toString(),
                "--trust-ca", ca.file(), "--json");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).as("no report: nothing was probed").isEmpty();
        assertThat(r.err()).endsWith("mailwizard probe: the sign-in was declined in the browser (access_denied); nothing was signed in\n");
    }

    @Test
    void aSignInNobodyFinishesEndsAtTheWait() throws Exception {
        CliHarness.Result r = CliHarness.run("", new MemoryTokenStore(), url -> { }, "probe", ALICE, "--host", "127.0.0.1", "--oauth2",
                "--oauth2-config", registrations(List.of("127.0.0.1")).toString(), "--oauth2-wait", "0.001");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("(waiting up to 0 s; Ctrl-C cancels)")
                .endsWith("mailwizard probe: no answer came back from the browser within 0 s; the sign-in was stopped (start it again when ready)\n");
    }

    @Test
    void aTokenOnStandardInputBecomesTheLoginsToken() {
        ProbeCommand c = new ProbeCommand();
        new CommandLine(c).parseArgs(ALICE, "--oauth2-token-stdin", "--send-test", "bob@mailwizard.test");
        ParsedProbe parsed = ProbeArguments.parse(c);
        InputStream stdin = new ByteArrayInputStream("ya29.a0-access-token\nignored\n".getBytes(StandardCharsets.UTF_8));
        Credentials credentials = StdinSecret.credentials(parsed, stdin);
        assertThat(credentials.method()).isEqualTo(AuthMethod.OAUTH2);
        assertThat(credentials.username()).isEqualTo(ALICE);
        assertThat(new String(credentials.password())).isEqualTo("ya29.a0-access-token");
        assertThat(parsed.request(credentials).options().credentials()).isSameAs(credentials);
        assertThat(parsed.sendTo()).isEqualTo("bob@mailwizard.test");
    }

    @Test
    void loginOptionsThatClashAreBadUsage() throws Exception {
        assertUsage(CliHarness.run("x\n", "probe", ALICE, "--oauth2-token-stdin", "--password-stdin"),
                "--oauth2-token-stdin and --password-stdin both read standard input: use one");
        assertUsage(CliHarness.run("x\n", "probe", ALICE, "--oauth2", "--password-stdin"),
                "--oauth2 signs in in the browser; --password-stdin gives the secret on standard input: use one");
        assertUsage(CliHarness.run("x\n", "probe", ALICE, "--oauth2", "--oauth2-token-stdin"),
                "--oauth2 signs in in the browser; --oauth2-token-stdin gives the secret on standard input: use one");
        assertUsage(CliHarness.run("", "probe", ALICE, "--oauth2-remember"), "--oauth2-remember is used only with --oauth2 (the sign-in in the browser)");
        assertUsage(CliHarness.run("", "probe", ALICE, "--oauth2-config", "x.json"), "--oauth2-config is used only with --oauth2 (the sign-in in the browser)");
        assertUsage(CliHarness.run("", "probe", ALICE, "--oauth2", "--oauth2-wait", "soon"), "--oauth2-wait 'soon' is not a number of seconds (e.g. 300)");
        assertUsage(CliHarness.run("", "probe", "smtp.mailwizard.test", "--oauth2-token-stdin"),
                "--user is needed with --oauth2-token-stdin when probing a host name rather than an address");
        assertUsage(CliHarness.run("", "probe", ALICE, "--oauth2-token-stdin"),
                "--oauth2-token-stdin: standard input is empty; pipe the access token in (e.g. mailwizard oauth2 token ADDRESS | mailwizard probe ADDRESS --oauth2-token-stdin)");
        Path missing = dir.resolve("missing.json");
        assertUsage(CliHarness.run("", "probe", ALICE, "--host", "127.0.0.1", "--oauth2", "--oauth2-config", missing.toString()),
                "--oauth2-config: " + missing + " does not exist: write the registrations there (see the README, \"Sign in with OAuth2\")");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"registrations\": [{\"issuer\": \"x\"}]}");
        assertUsage(CliHarness.run("", "probe", ALICE, "--host", "127.0.0.1", "--oauth2", "--oauth2-config", broken.toString()),
                "--oauth2-config: " + broken + ": registrations[0].hosts is missing: list the mail server names (or their domains) this registration is for");
    }

    @Test
    void aTokenTypedAsAnArgumentIsRefusedWithoutEchoingIt() {
        for (String[] args : List.of(new String[]{"probe", ALICE, "--token", "ya29.secret-token"}, new String[]{"probe", ALICE, "--access-token=ya29.secret-token"},
                new String[]{"oauth2", "token", ALICE, "--refresh-token", "ya29.secret-token"})) {
            CliHarness.Result r = CliHarness.run("", args);
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("mailwizard: tokens are never command-line arguments: pipe an access token with --oauth2-token-stdin"
                    + " (e.g. mailwizard oauth2 token ADDRESS | mailwizard probe ADDRESS --oauth2-token-stdin)\n");
        }
        assertThat(CliHarness.run("", "probe", ALICE, "--password", "hunter2").err()).contains("passwords are never command-line arguments");
    }

    @Test
    void oauth2TokenExitCodesSayWhatHappened() throws Exception {
        CliHarness.Result nothing = CliHarness.run("", new MemoryTokenStore(), null, "oauth2", "token", ALICE, "--oauth2-config", dir.resolve("none.json").toString());
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.out()).isEmpty();
        assertThat(nothing.err()).isEqualTo("mailwizard oauth2 token: --oauth2-config: " + dir.resolve("none.json") + " does not exist:"
                + " write the registrations there (see the README, \"Sign in with OAuth2\")\n");

        Path file = registrations(List.of("mailwizard.test"));
        CliHarness.Result none = CliHarness.run("", new MemoryTokenStore(), null, "oauth2", "token", ALICE, "--oauth2-config", file.toString());
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).isEqualTo("mailwizard oauth2 token: no sign-in is remembered for " + ALICE + " (or the keyring is locked):"
                + " sign in once with mailwizard probe " + ALICE + " --oauth2 --oauth2-remember\n");

        MemoryTokenStore revoked = new MemoryTokenStore();
        revoked.save(ALICE, new StoredGrant(server.issuer(), server.tokenEndpoint(), "mailwizard-desktop", List.of("openid"), "revoked"));
        CliHarness.Result refused = CliHarness.run("", revoked, null, "oauth2", "token", ALICE, "--oauth2-config", file.toString(), "--trust-ca", ca.file());
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).startsWith("mailwizard oauth2 token: the authorization server refused: invalid_grant");

        MemoryTokenStore unreachable = new MemoryTokenStore();
        unreachable.save(ALICE, new StoredGrant("localhost", URI.create("https://localhost:" + closedPort() + "/token"), "c", List.of(), "r"));
        CliHarness.Result failed = CliHarness.run("", unreachable, null, "oauth2", "token", ALICE, "--oauth2-config", file.toString());
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.out()).isEmpty();
        assertThat(failed.err()).startsWith("mailwizard oauth2 token: cannot reach the token endpoint localhost: ConnectException");
    }

    @Test
    void aKeyringThatIsNotThereIsSaidInWords() throws Exception {
        TokenStore noKeyring = new TokenStore() {
            @Override
            public Optional<StoredGrant> load(String address) throws TokenStoreException {
                throw new TokenStoreException("no OS keyring is available here");
            }

            @Override
            public void save(String address, StoredGrant grant) throws TokenStoreException {
                throw new TokenStoreException("no OS keyring is available here");
            }

            @Override
            public boolean delete(String address) throws TokenStoreException {
                throw new TokenStoreException("no OS keyring is available here");
            }
        };
        CliHarness.Result token = CliHarness.run("", noKeyring, null, "oauth2", "token", ALICE, "--oauth2-config", registrations(List.of("x.test")).toString());
        assertThat(token.exitCode()).isEqualTo(1);
        assertThat(token.err()).isEqualTo("mailwizard oauth2 token: no OS keyring is available here\n");
        CliHarness.Result forget = CliHarness.run("", noKeyring, null, "oauth2", "forget", ALICE);
        assertThat(forget.exitCode()).isEqualTo(1);
        assertThat(forget.err()).isEqualTo("mailwizard oauth2 forget: no OS keyring is available here\n");
        CliHarness.Result remember = CliHarness.run("", noKeyring, server::browse, "probe", ALICE, "--host", "127.0.0.1", "--port", String.valueOf(closedPort()),
                "--security", "tls", "--timeout", "2", "--oauth2", "--oauth2-remember", "--oauth2-config", registrations(List.of("127.0.0.1")).toString(),
                "--trust-ca", ca.file());
        assertThat(remember.err()).contains("mailwizard probe: signed in, but the refresh token was not remembered: no OS keyring is available here");
        assertThat(remember.exitCode()).as("the probe still ran with the token").isEqualTo(1);
    }

    @Test
    void forgetRemovesTheRememberedSignIn() {
        MemoryTokenStore store = new MemoryTokenStore();
        store.save(ALICE, new StoredGrant("accounts.google.com", URI.create("https://oauth2.googleapis.com/token"), "c", List.of(), "r"));
        CliHarness.Result removed = CliHarness.run("", store, null, "oauth2", "forget", ALICE);
        assertThat(removed.exitCode()).isEqualTo(0);
        assertThat(removed.err()).isEqualTo("mailwizard oauth2 forget: the sign-in for " + ALICE + " was removed from the OS keyring\n");
        assertThat(store.load(ALICE)).isEmpty();
        assertThat(CliHarness.run("", store, null, "oauth2", "forget", ALICE).err())
                .isEqualTo("mailwizard oauth2 forget: no sign-in was remembered for " + ALICE + "\n");
    }

    @Test
    void theTokenCommandExplainsItselfForMailPrograms() {
        CliHarness.Result help = CliHarness.run("", "oauth2", "token", "--help");
        assertThat(help.exitCode()).isEqualTo(0);
        assertThat(help.out()).contains("passwordeval \"mailwizard oauth2 token ADDRESS\"").contains("smtp_oauth_refresh_command");
    }
}
