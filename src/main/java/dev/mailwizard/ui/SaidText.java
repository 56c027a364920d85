package dev.mailwizard.ui;

import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A ViewModel's text that is said again in the new language when the wizard's language changes
 * ({@link #say}); a text {@link #set} directly (data, or empty) stays as it is.
 */
public final class SaidText extends ReadOnlyStringWrapper {
    private Supplier<String> words;
    // Held here: the static language property keeps only a weak reference, so a dropped ViewModel can go.
    private final InvalidationListener relabel = o -> {
        if (words != null) {
            super.set(words.get());
        }
    };

    public SaidText() {
        super("");
        Messages.languageProperty().addListener(new WeakInvalidationListener(relabel));
    }

    /** Shows {@code words.get()} now, and again whenever the language changes. */
    public void say(Supplier<String> words) {
        this.words = words;
        super.set(words.get());
    }

    @Override
    public void set(String text) {
        words = null;
        super.set(text);
    }
}
