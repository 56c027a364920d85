package dev.mailwizard.ui.account;

import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.HelpLink;
import dev.mailwizard.model.Provider;
import dev.mailwizard.model.ProviderAdvice;
import dev.mailwizard.ui.LinkOpener;
import dev.mailwizard.ui.Messages;
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
 * the search found once it ran), it says what that provider takes instead of the normal password.
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
    private final Consumer<String> browser;

    public AccountViewModel(WizardState state) {
        this(state, LinkOpener::open);
    }

    /** @param browser opens a help page (the desktop's browser in the program) */
    public AccountViewModel(WizardState state, Consumer<String> browser) {
        this.state = state;
        this.browser = browser;
        StringProperty address = state.addressProperty();
        addressError.bind(Bindings.createStringBinding(() -> addressProblem(address.get()), address));
        // The error shows only once the user has typed something.
        shownAddressError.bind(Bindings.createStringBinding(() -> address.get().isEmpty() || addressError.get() == null ? ""
                : addressError.get(), address, addressError));
        loginError.bind(Bindings.createStringBinding(() -> loginProblem(state.loginProperty().get()), state.loginProperty()));
        loginPrompt.bind(address.map(a -> a.isBlank() ? Messages.get("account.login.prompt") : a));
        passwordHint.bind(Bindings.createStringBinding(() -> state.passwordProperty().get().isEmpty()
                ? Messages.get("account.password.hint.empty") : Messages.get("account.password.hint.set"), state.passwordProperty()));
        valid.bind(addressError.isNull().and(loginError.isNull()));
        provider.bind(Bindings.createObjectBinding(state::provider, address, state.discoveredProviderProperty()));
        providerHint.bind(provider.map(p -> ProviderAdvice.passwordSentence(p, p.displayName())).orElse(""));
        // The link goes with the hint: it is the page for what the hint asks.
        providerHelp.bind(Bindings.createObjectBinding(() -> providerHint.get().isEmpty() ? null
                : ProviderAdvice.mainHelp(provider.get()).orElse(null), providerHint, provider));
        signInAvailable.bind(provider.map(ProviderAdvice::signInPossible).orElse(false));
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

    /** Shown under the password field: what happens without one. */
    public ReadOnlyStringProperty passwordHintProperty() {
        return passwordHint.getReadOnlyProperty();
    }
}
