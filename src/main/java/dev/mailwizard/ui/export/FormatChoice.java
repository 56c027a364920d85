package dev.mailwizard.ui.export;

import dev.mailwizard.ui.Messages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** One row of the format list: a client format the user may tick. */
public final class FormatChoice {
    private final String id;
    private final boolean recommended;
    private final BooleanProperty selected;

    FormatChoice(String id, boolean recommended) {
        this.id = id;
        this.recommended = recommended;
        this.selected = new SimpleBooleanProperty(recommended);
    }

    public String id() {
        return id;
    }

    /** What the format is for, in the wizard's language ({@code export.format.ID}). */
    public String description() {
        return Messages.get("export.format." + id);
    }

    public boolean recommended() {
        return recommended;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }
}
