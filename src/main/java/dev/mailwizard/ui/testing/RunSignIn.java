package dev.mailwizard.ui.testing;

import dev.mailwizard.model.Credentials;
import dev.mailwizard.model.Provider;
import dev.mailwizard.model.ProviderAdvice;
import dev.mailwizard.probe.TrustMaterial;
import dev.mailwizard.signin.OAuth2Client;
import dev.mailwizard.signin.RegistrationException;
import dev.mailwizard.signin.SignInFlow;
import dev.mailwizard.signin.SignInResult;
import dev.mailwizard.signin.StoredGrant;
import dev.mailwizard.signin.TokenEndpoint;
import dev.mailwizard.signin.TokenStoreException;
import dev.mailwizard.signin.Tokens;
import dev.mailwizard.ui.HeldToken;
import dev.mailwizard.ui.Messages;
import dev.mailwizard.ui.SignInRegistrations;
import dev.mailwizard.ui.SignInSupport;
import dev.mailwizard.ui.WizardState;
import dev.mailwizard.ui.task.Cancellation;

import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The sign-in a run starts with when the person chose to sign in in the browser, as the command
 * line's {@code --oauth2} does it: the registration for the run's servers (trusted ones first),
 * then the token of this window's earlier sign-in while it fits, else a new sign-in in the browser;
 * and "remember". {@link #prepare} reads the wizard's state on the UI thread; {@link #run} runs on
 * the task's thread.
 */
final class RunSignIn {
    /** What {@link #prepare} found: a sign-in to run, or why none can be. */
    sealed interface Plan {
        record Ready(RunSignIn signIn) implements Plan {
        }

        record Impossible(String message) implements Plan {
        }
    }

    /** How the sign-in ended. */
    sealed interface Outcome {
        /**
         * A token to log in with (the caller wipes it after the run).
         *
         * @param fresh the tokens of a new sign-in, for the window to keep; null when this window's were used again
         * @param note  what became of "remember", or empty
         */
        record SignedIn(Credentials credentials, HeldToken fresh, String note) implements Outcome {
        }

        record NotSignedIn(SignInResult result) implements Outcome {
        }
    }

    private final SignInSupport support;
    private final OAuth2Client client;
    private final String whose;
    private final String address;
    private final String login;
    private final boolean remember;
    private final Path extraCa;
    /** This window's earlier sign-in, when it fits this run; else null. */
    private final HeldToken earlier;
    /** Its access token as the login's secret, copied on the UI thread (the window may wipe the original). */
    private final Credentials earlierCredentials;
    /** Its grant, when "remember" is ticked now and was not for it before; else empty. */
    private final Optional<StoredGrant> earlierGrant;

    private RunSignIn(SignInSupport support, OAuth2Client client, String whose, String address, String login, boolean remember, Path extraCa,
                      HeldToken earlier) {
        this.support = support;
        this.client = client;
        this.whose = whose;
        this.address = address;
        this.login = login;
        this.remember = remember;
        this.extraCa = extraCa;
        this.earlier = earlier;
        this.earlierCredentials = earlier == null ? null : credentials(login, earlier.tokens());
        this.earlierGrant = earlier != null && remember && !earlier.remembered() ? StoredGrant.of(client, earlier.tokens()) : Optional.empty();
    }

    /**
     * The sign-in for a run over {@code serverHosts} (in the order to look for a registration), on the
     * UI thread.
     */
    static Plan prepare(SignInSupport support, WizardState state, List<String> serverHosts) {
        Provider provider = state.provider();
        String whose = ProviderAdvice.signInName(provider);
        if (!(support.registrations() instanceof SignInRegistrations.Usable usable)) {
            return new Plan.Impossible(Messages.get("testing.signin.unusable", ((SignInRegistrations.Unusable) support.registrations()).problem()));
        }
        Optional<OAuth2Client> client;
        try {
            client = usable.file().resolve(serverHosts, provider.oauth2());
        } catch (RegistrationException e) {
            return new Plan.Impossible(Messages.get("testing.signin.unusable", e.getMessage()));
        }
        if (client.isEmpty()) {
            return new Plan.Impossible(Messages.get("testing.signin.unregistered", String.join(", ", serverHosts), usable.file().path()));
        }
        String address = state.addressProperty().get().strip();
        String login = state.effectiveLogin();
        HeldToken held = state.heldToken();
        HeldToken earlier = held != null && held.fits(address, login, client.get(), support.clock().instant()) ? held : null;
        return new Plan.Ready(new RunSignIn(support, client.get(), whose, address, login, state.rememberSignInProperty().get(),
                state.extraCaProperty().get(), earlier));
    }

    /** Whether this run uses the window's earlier sign-in rather than the browser. */
    boolean reusesEarlier() {
        return earlier != null;
    }

    /** "Google": whose sign-in page it is. */
    String whose() {
        return whose;
    }

    /** The status while the browser is waited for. */
    String waitingText() {
        Duration wait = support.browserWait();
        String time = wait.toMinutes() >= 1 ? Messages.get("time.minutes", wait.toMinutes()) : Messages.get("time.seconds", wait.toSeconds());
        return Messages.get("testing.signin.waiting", whose, time);
    }

    /**
     * Signs in (or takes the earlier sign-in); {@code shown} gets the authorization URL when the
     * browser is asked to open it. Cancelling the task ends the wait for the browser.
     */
    Outcome run(Cancellation cancellation, Consumer<URI> shown) {
        if (earlier != null) {
            String note = remember && !earlier.remembered() ? remember(earlierGrant, earlier) : "";
            return new Outcome.SignedIn(earlierCredentials, null, note);
        }
        SignInFlow flow = new SignInFlow(client, TokenEndpoint.of(client, extraCas()), url -> {
            shown.accept(url);
            support.browser().show(url);
        }, support.browserWait(), address);
        cancellation.onCancel(flow::cancel);
        SignInResult result = flow.run();
        if (!(result instanceof SignInResult.SignedIn signedIn)) {
            return new Outcome.NotSignedIn(result);
        }
        HeldToken fresh = new HeldToken(address, login, client, signedIn.tokens(), support.clock().instant());
        String note = remember ? remember(StoredGrant.of(client, signedIn.tokens()), fresh) : "";
        return new Outcome.SignedIn(credentials(login, signedIn.tokens()), fresh, note);
    }

    private static Credentials credentials(String login, Tokens tokens) {
        char[] access = tokens.accessToken();
        try {
            return Credentials.withToken(login, access);
        } finally {
            Arrays.fill(access, '\0');
        }
    }

    /** Keeps the grant in the token store (the OS keyring); what became of it, in words. */
    private String remember(Optional<StoredGrant> grant, HeldToken token) {
        if (grant.isEmpty()) {
            return Messages.get("testing.signin.no_refresh_token", whose);
        }
        try {
            support.tokenStore().get().save(address, grant.get());
            token.markRemembered();
            return Messages.get("testing.signin.remembered", address);
        } catch (TokenStoreException e) {
            return Messages.get("testing.signin.not_remembered", e.getMessage());
        }
    }

    private List<X509Certificate> extraCas() {
        return extraCa == null ? List.of() : TrustMaterial.readPem(extraCa);
    }
}
