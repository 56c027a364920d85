package dev.mailwizard.ui.account;

import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.ui.Messages;
import dev.mailwizard.ui.WizardState;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;

/**
 * The Account step: name, address, password, optional login name. Validates as the user types;
 * the error texts are the model's own messages, so the CLI and the window say the same thing.
 * What the user types goes into the four input properties; everything else is read-only.
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

    public AccountViewModel(WizardState state) {
        this.state = state;
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

    /** Shown under the password field: what happens without one. */
    public ReadOnlyStringProperty passwordHintProperty() {
        return passwordHint.getReadOnlyProperty();
    }
}
