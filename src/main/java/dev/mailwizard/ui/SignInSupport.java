package dev.mailwizard.ui;

import dev.mailwizard.model.Provider;
import dev.mailwizard.model.ProviderAdvice;
import dev.mailwizard.signin.Browser;
import dev.mailwizard.signin.KeyringTokenStore;
import dev.mailwizard.signin.RegistrationsFile;
import dev.mailwizard.signin.SignInFlow;
import dev.mailwizard.signin.TokenStore;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What the wizard's OAuth2 sign-in takes from outside, so tests can give their own: the
 * registrations (read once at start), how the sign-in page is opened, where "remember" keeps a
 * grant, how long the browser is waited for ({@code browserWait}), and the clock that says whether a kept token is still
 * fresh. The composition root passes {@link #system()}.
 *
 * @param tokenStore made when first needed (the OS keyring is reached only when "remember" is ticked)
 */
public record SignInSupport(SignInRegistrations registrations, Browser browser, Supplier<TokenStore> tokenStore, Duration browserWait,
                            Clock clock) {
    /** The user's registrations file, the desktop's browser, the OS keyring, 5 minutes. */
    public static SignInSupport system() {
        return new SignInSupport(SignInRegistrations.read(RegistrationsFile.defaultPath()), new SignInBrowser(), KeyringTokenStore::new,
                SignInFlow.DEFAULT_WAIT, Clock.systemUTC());
    }

    /** No registrations, so no sign-in is offered (windows in tests that are not about signing in). */
    public static SignInSupport none() {
        return new SignInSupport(SignInRegistrations.none(), new SignInBrowser(), KeyringTokenStore::new, SignInFlow.DEFAULT_WAIT,
                Clock.systemUTC());
    }

    /** Whether signing in in the browser can be chosen for this provider: it takes OAuth2 and a registration is for it. */
    public boolean offers(Provider provider) {
        return ProviderAdvice.signInPossible(provider) && registrations.covers(provider);
    }

    /** Whether the next run signs in: the person chose it, and it is offered for the address's provider. */
    public boolean chosenFor(WizardState state) {
        return state.signInChosenProperty().get() && offers(state.provider());
    }
}
