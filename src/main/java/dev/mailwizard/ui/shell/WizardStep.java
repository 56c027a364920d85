package dev.mailwizard.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/** One page of the wizard. The shell enables Next and Back from these observables. */
public interface WizardStep {
    String title();

    Node view();

    /** Next is enabled only while this is true (for example: input valid, or a test finished). */
    ObservableBooleanValue canGoNext();

    default ObservableBooleanValue canGoBack() {
        return Bindings.createBooleanBinding(() -> true);
    }

    /** Called when the step is shown; {@code forward} is false when the user came back to it. */
    default void onEnter(boolean forward) {
    }

    /** Where the keyboard focus goes when the step is shown. */
    default Node focusTarget() {
        return null;
    }
}
