package dev.mailwizard.ui.account;

import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.ui.Messages;
import dev.mailwizard.ui.WizardState;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The Account step: name, address, password, optional login name. Validates as the user types;
 * the error texts are the model's own messages, so the CLI and the window say the same thing.
 */
public final class AccountViewModel {
    private final WizardState state;
    private final BooleanProperty passwordVisible = new SimpleBooleanProperty(false);
    private final StringBinding addressError;
    private final StringBinding loginError;
    private final BooleanBinding valid;

    public AccountViewModel(WizardState state) {
        this.state = state;
        this.addressError = Bindings.createStringBinding(() -> addressProblem(state.addressProperty().get()), state.addressProperty());
        this.loginError = Bindings.createStringBinding(() -> loginProblem(state.loginProperty().get()), state.loginProperty());
        this.valid = addressError.isNull().and(loginError.isNull());
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

    public WizardState state() {
        return state;
    }

    public BooleanProperty passwordVisibleProperty() {
        return passwordVisible;
    }

    /** Null while the address is fine, else what to fix. */
    public StringBinding addressErrorProperty() {
        return addressError;
    }

    public StringBinding loginErrorProperty() {
        return loginError;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    /** Shown under the password field: what happens without one. */
    public StringBinding passwordHintProperty() {
        return Bindings.createStringBinding(() -> state.passwordProperty().get().isEmpty()
                ? Messages.get("account.password.hint.empty") : Messages.get("account.password.hint.set"), state.passwordProperty());
    }
}
