package dev.mailwizard.cli;

import dev.mailwizard.model.Credentials;
import dev.mailwizard.model.Provider;
import dev.mailwizard.model.ProviderAdvice;
import dev.mailwizard.model.ServerCandidate;
import dev.mailwizard.signin.Browser;
import dev.mailwizard.signin.KeyringTokenStore;
import dev.mailwizard.signin.OAuth2Client;
import dev.mailwizard.signin.RegistrationException;
import dev.mailwizard.signin.RegistrationsFile;
import dev.mailwizard.signin.SignInFlow;
import dev.mailwizard.signin.SignInResult;
import dev.mailwizard.signin.StoredGrant;
import dev.mailwizard.signin.SystemBrowser;
import dev.mailwizard.signin.TokenEndpoint;
import dev.mailwizard.signin.TokenStore;
import dev.mailwizard.signin.TokenStoreException;
import dev.mailwizard.signin.Tokens;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The {@code --oauth2} step of {@code probe}, after discovery: the registration for the servers
 * found, the sign-in in the browser (its URL always printed on stderr), the access token as the
 * login's secret, and with {@code --oauth2-remember} the refresh token in the OS keyring.
 */
final class SignInStep {
    /** How the step ended: a token to log in with, or the exit code and words to stop with. */
    sealed interface Outcome {
        record SignedIn(Credentials credentials) implements Outcome {
        }

        record Stopped(int exitCode, String message) implements Outcome {
        }
    }

    private final ParsedProbe probe;
    private final RegistrationsFile registrations;
    private final TokenStore store;
    private final Browser browser;
    private final PrintStream stderr;

    /**
     * @param store   where --oauth2-remember keeps the grant (null: the OS keyring)
     * @param browser how the URL is opened besides being printed (null: $BROWSER or the desktop's)
     */
    SignInStep(ParsedProbe probe, RegistrationsFile registrations, TokenStore store, Browser browser, PrintStream stderr) {
        this.probe = probe;
        this.registrations = registrations;
        this.store = store;
        this.browser = browser;
        this.stderr = stderr;
    }

    /** The registrations file: bad usage when it is not valid, or was named ({@code --oauth2-config}) but is missing. */
    static RegistrationsFile registrations(Path file, boolean named) {
        try {
            return named ? RegistrationsFile.read(file) : RegistrationsFile.readIfPresent(file);
        } catch (RegistrationException e) {
            throw new UsageException("--oauth2-config: " + e.getMessage());
        }
    }

    /**
     * Signs in for the servers found (trusted ones first when looking for their registration).
     *
     * @param provider the provider discovery named (its endpoints fill a registration's gaps; its help
     *                 page goes into the words when there is no registration), or null
     */
    Outcome run(List<ServerCandidate> candidates, Provider provider) {
        List<String> hosts = candidates.stream().sorted(Comparator.comparing(c -> !c.trusted())).map(ServerCandidate::host).distinct().toList();
        OAuth2Client client = client(hosts, provider);
        SignInOptions options = probe.signIn();
        SignInFlow flow = new SignInFlow(client, TokenEndpoint.of(client, probe.settings().extraCas()), url -> show(client, url),
                options.browserWait(), probe.target().address() == null ? null : probe.target().address().toString());
        Interrupts.onInterrupt(flow::cancel);
        SignInResult result = flow.run();
        if (result instanceof SignInResult.SignedIn signedIn) {
            Tokens tokens = signedIn.tokens();
            try {
                stderr.println("mailwizard probe: signed in with " + client.issuer() + "; the servers get the access token (XOAUTH2 or OAUTHBEARER)");
                if (options.remember()) {
                    remember(client, tokens);
                }
                return new Outcome.SignedIn(Credentials.withToken(probe.login(), tokens.accessToken()));
            } finally {
                tokens.wipe();
            }
        }
        int exit = result instanceof SignInResult.Refused ? ExitCodes.LOGIN_REJECTED
                : result instanceof SignInResult.Cancelled ? ExitCodes.CANCELLED : ExitCodes.NOTHING_SECURE;
        return new Outcome.Stopped(exit, result.message());
    }

    private OAuth2Client client(List<String> hosts, Provider provider) {
        Optional<OAuth2Client> client;
        try {
            client = registrations.resolve(hosts, provider == null ? null : provider.oauth2());
        } catch (RegistrationException e) {
            throw new UsageException("--oauth2: " + e.getMessage());
        }
        return client.orElseThrow(() -> new UsageException("--oauth2: no registration for " + String.join(", ", hosts) + " in "
                + registrations.path() + "; add one (README, \"Sign in with OAuth2\": your organisation registers MailWizard as a desktop"
                + " app and gives you the client id), or log in with an app password: --password-stdin" + appPasswordHelp(provider)));
    }

    /** "(how to make one at Gmail: URL)" when the provider's help page is known. */
    private static String appPasswordHelp(Provider provider) {
        return ProviderAdvice.mainHelp(provider).map(h -> " (" + provider.displayName() + ": " + h.url() + ")").orElse("");
    }

    /** Prints the URL (always: the browser may not open), then opens it. */
    private void show(OAuth2Client client, URI url) {
        long minutes = probe.signIn().browserWait().toMinutes();
        stderr.println("mailwizard probe: sign in with " + client.issuer() + " in your browser (waiting up to "
                + (minutes >= 1 ? minutes + " min" : probe.signIn().browserWait().toSeconds() + " s") + "; Ctrl-C cancels). If no browser opens, open:");
        stderr.println(url);
        stderr.flush();
        if (browser != null) {
            browser.show(url);
            return;
        }
        SystemBrowser.Launch launch = SystemBrowser.open(url);
        if (launch instanceof SystemBrowser.Launch.NotOpened notOpened) {
            stderr.println("mailwizard probe: " + notOpened.reason() + "; open the address above yourself");
        }
    }

    private void remember(OAuth2Client client, Tokens tokens) {
        Optional<StoredGrant> grant = StoredGrant.of(client, tokens);
        if (grant.isEmpty()) {
            stderr.println("mailwizard probe: the authorization server gave no refresh token, so nothing was remembered"
                    + " (Microsoft gives one only with the offline_access scope)");
            return;
        }
        try {
            (store != null ? store : new KeyringTokenStore()).save(probe.account(), grant.get());
            stderr.println("mailwizard probe: the sign-in is remembered in the OS keyring; 'mailwizard oauth2 token " + probe.account()
                    + "' prints a fresh access token");
        } catch (TokenStoreException e) {
            stderr.println("mailwizard probe: signed in, but the refresh token was not remembered: " + e.getMessage());
        }
    }
}
