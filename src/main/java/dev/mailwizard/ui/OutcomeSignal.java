package dev.mailwizard.ui;

import dev.mailwizard.model.Outcome;

import java.util.Locale;
import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * How an outcome is shown, so that colour is never the only signal: each kind has an icon of its
 * own shape (check, triangle, cross, dash, hourglass, dot), a word, and a style class for its colour.
 */
public enum OutcomeSignal {
    WORKS(Icons::ok),
    WARNING(Icons::warning),
    FAILS(Icons::bad),
    SKIPPED(Icons::skipped),
    RUNNING(Icons::running),
    WAITING(Icons::pending);

    private final Supplier<Node> icon;

    OutcomeSignal(Supplier<Node> icon) {
        this.icon = icon;
    }

    /** The kind of an outcome, by the severity every face colours by; SKIPPED has its own. */
    public static OutcomeSignal of(Outcome outcome) {
        if (outcome == Outcome.SKIPPED) {
            return SKIPPED;
        }
        return switch (outcome.severity()) {
            case WORKS -> WORKS;
            case WARNING -> WARNING;
            case FAILS -> FAILS;
        };
    }

    /** A new icon node (a node can sit in one place only). */
    public Node icon() {
        return icon.get();
    }

    /** "works", "fails", ...: what a screen reader says instead of the icon. */
    public String word() {
        return Messages.get("signal." + key());
    }

    /** The style class that colours text of this kind: {@code outcome-works}, {@code outcome-fails}, ... */
    public String styleClass() {
        return "outcome-" + key();
    }

    private String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
