package dev.mailwizard.ui.account;

import dev.mailwizard.model.AppLanguage;
import javafx.beans.value.ObservableValue;
import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.HelpLink;
import dev.mailwizard.model.Provider;
import dev.mailwizard.model.ProviderAdvice;
import dev.mailwizard.model.ProviderNeeds;
import dev.mailwizard.ui.LinkOpener;
import dev.mailwizard.ui.Messages;
import dev.mailwizard.ui.SignInRegistrations;
import dev.mailwizard.ui.SignInSupport;
import dev.mailwizard.ui.WizardState;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;

/**
 * The Account step: name, address, password, optional login name. Validates as the user types;
 * the error texts are the model's own messages, so the CLI and the window say the same thing.
 * What the user types goes into the four input properties; everything else is read-only.
 * As soon as the address names a known provider (the table of well-known providers at once, what
 * the search found once it ran), it says what that provider takes instead of the normal password,
 * and where it can sign in with OAuth2 offers the choice between signing in in the browser (only
 * with a registration for it) and a password or app password.
 */
public final class AccountViewModel {
    private final WizardState state;
    private final BooleanProperty passwordVisible = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper addressError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper shownAddressError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper loginError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper loginPrompt = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper passwordHint = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Provider> provider = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper providerHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<HelpLink> providerHelp = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper signInAvailable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper signInOffered = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper signInSelected = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper signInChoice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper signInNote = new ReadOnlyStringWrapper("");
    private final Consumer<String> browser;
    private final SignInSupport signIn;

    /** Without sign-in registrations. */
    public AccountViewModel(WizardState state) {
        this(state, LinkOpener::open, SignInSupport.none());
    }

    /** Without sign-in registrations; {@code browser} opens a help page. */
    public AccountViewModel(WizardState state, Consumer<String> browser) {
        this(state, browser, SignInSupport.none());
    }

    /**
     * @param browser opens a help page (the desktop's browser in the program)
     * @param signIn  the registrations, which decide whether signing in can be chosen
     */
    public AccountViewModel(WizardState state, Consumer<String> browser, SignInSupport signIn) {
        this.state = state;
        this.browser = browser;
        this.signIn = signIn;
        StringProperty address = state.addressProperty();
        // Every text here is said again when the wizard's language changes.
        ObservableValue<AppLanguage> language = Messages.languageProperty();
        addressError.bind(Bindings.createStringBinding(() -> addressProblem(address.get()), address, language));
        // The error shows only once the user has typed something.
        shownAddressError.bind(Bindings.createStringBinding(() -> address.get().isEmpty() || addressError.get() == null ? ""
                : addressError.get(), address, addressError));
        loginError.bind(Bindings.createStringBinding(() -> loginProblem(state.loginProperty().get()), state.loginProperty(), language));
        loginPrompt.bind(Bindings.createStringBinding(() -> address.get().isBlank() ? Messages.get("account.login.prompt") : address.get(),
                address, language));
        valid.bind(addressError.isNull().and(loginError.isNull()));
        provider.bind(Bindings.createObjectBinding(state::provider, address, state.discoveredProviderProperty()));
        providerHint.bind(Bindings.createStringBinding(() -> provider.get() == null ? ""
                : ProviderAdvice.passwordSentence(provider.get(), provider.get().displayName()), provider, language));
        // The link goes with the hint: it is the page for what the hint asks.
        providerHelp.bind(Bindings.createObjectBinding(() -> providerHint.get().isEmpty() ? null
                : ProviderAdvice.mainHelp(provider.get()).orElse(null), providerHint, provider));
        signInAvailable.bind(provider.map(ProviderAdvice::signInPossible).orElse(false));
        bindSignIn(language);
        passwordHint.bind(Bindings.createStringBinding(() -> signInSelected.get()
                ? Messages.get("account.password.hint.signin", ProviderAdvice.signInName(provider.get()))
                : state.passwordProperty().get().isEmpty() ? Messages.get("account.password.hint.empty") : Messages.get("account.password.hint.set"),
                state.passwordProperty(), signInSelected, provider, language));
    }

    /** The choice between the browser and a password: offered with a registration, else the note says why not. */
    private void bindSignIn(ObservableValue<AppLanguage> language) {
        signInOffered.bind(Bindings.createBooleanBinding(() -> signIn.offers(provider.get()), provider));
        signInSelected.bind(signInOffered.and(state.signInChosenProperty()));
        signInChoice.bind(Bindings.createStringBinding(() -> ProviderAdvice.signInPossible(provider.get())
                ? Messages.get("account.signin.browser", ProviderAdvice.signInName(provider.get())) : "", provider, language));
        signInNote.bind(Bindings.createStringBinding(() -> signInNote(provider.get()), provider, language));
    }

    private String signInNote(Provider p) {
        if (!ProviderAdvice.signInPossible(p) || signIn.offers(p)) {
            return "";
        }
        if (signIn.registrations() instanceof SignInRegistrations.Unusable broken) {
            return Messages.get("account.signin.broken", broken.problem());
        }
        String whose = ProviderAdvice.signInName(p);
        return p.needs() == ProviderNeeds.OAUTH2 ? Messages.get("account.signin.none.oauth2", whose, p.displayName())
                : Messages.get("account.signin.none", whose);
    }

    /** Opens the provider's help page that the hint links to, if there is one. */
    public void openProviderHelp() {
        HelpLink link = providerHelp.get();
        if (link != null) {
            browser.accept(link.url());
        }
    }

    static String addressProblem(String text) {
        if (text == null || text.isBlank()) {
            return Messages.get("account.address.required");
        }
        try {
            EmailAddress.parse(text);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    static String loginProblem(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || text.isBlank() ? Messages.get("account.login.invalid") : null;
    }

    public StringProperty nameProperty() {
        return state.nameProperty();
    }

    public StringProperty addressProperty() {
        return state.addressProperty();
    }

    public StringProperty passwordProperty() {
        return state.passwordProperty();
    }

    public StringProperty loginProperty() {
        return state.loginProperty();
    }

    /** The "show password" toggle. */
    public BooleanProperty passwordVisibleProperty() {
        return passwordVisible;
    }

    /** Null while the address is fine, else what to fix. */
    public ReadOnlyStringProperty addressErrorProperty() {
        return addressError.getReadOnlyProperty();
    }

    /** What to show under the address: empty until something was typed, then what to fix, if anything. */
    public ReadOnlyStringProperty shownAddressErrorProperty() {
        return shownAddressError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loginErrorProperty() {
        return loginError.getReadOnlyProperty();
    }

    /** The login field's prompt: the address it defaults to. */
    public ReadOnlyStringProperty loginPromptProperty() {
        return loginPrompt.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** The provider behind the address, or null while none is known. */
    public ReadOnlyObjectProperty<Provider> providerProperty() {
        return provider.getReadOnlyProperty();
    }

    /** Shown next to the password: what the provider takes instead of the normal password; empty when nothing needs saying. */
    public ReadOnlyStringProperty providerHintProperty() {
        return providerHint.getReadOnlyProperty();
    }

    /** The provider's own help page for the hint, or null. */
    public ReadOnlyObjectProperty<HelpLink> providerHelpProperty() {
        return providerHelp.getReadOnlyProperty();
    }

    /**
     * Whether signing in with the provider's own page (OAuth2) is an option for this address: it
     * needs it or its endpoints are known. What a sign-in button binds to.
     */
    public ReadOnlyBooleanProperty signInAvailableProperty() {
        return signInAvailable.getReadOnlyProperty();
    }

    /**
     * "Sign in with Google in your browser" (true) or "Use a password (or app password)"; it counts
     * only while {@link #signInOfferedProperty()} holds.
     */
    public BooleanProperty signInChosenProperty() {
        return state.signInChosenProperty();
    }

    /** "Remember this sign-in on this computer (in the system keyring)". */
    public BooleanProperty rememberSignInProperty() {
        return state.rememberSignInProperty();
    }

    /** Whether the choice can be made: the provider signs in with OAuth2 and a registration is for it. */
    public ReadOnlyBooleanProperty signInOfferedProperty() {
        return signInOffered.getReadOnlyProperty();
    }

    /** Whether the test will sign in in the browser: offered and chosen. The password is then not needed. */
    public ReadOnlyBooleanProperty signInSelectedProperty() {
        return signInSelected.getReadOnlyProperty();
    }

    /** The sign-in choice's words, "Sign in with Google in your browser"; empty without such a provider. */
    public ReadOnlyStringProperty signInChoiceProperty() {
        return signInChoice.getReadOnlyProperty();
    }

    /** Why signing in cannot be chosen for a provider that takes it (no registration, or a broken file); else empty. */
    public ReadOnlyStringProperty signInNoteProperty() {
        return signInNote.getReadOnlyProperty();
    }

    /** Shown under the password field: what happens without one, or that sign-in needs none. */
    public ReadOnlyStringProperty passwordHintProperty() {
        return passwordHint.getReadOnlyProperty();
    }
}
