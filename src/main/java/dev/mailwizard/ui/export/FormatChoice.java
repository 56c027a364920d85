package dev.mailwizard.ui.export;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** One row of the format list: a client format the user may tick. */
public final class FormatChoice {
    private final String id;
    private final String description;
    private final boolean recommended;
    private final BooleanProperty selected;

    FormatChoice(String id, String description, boolean recommended) {
        this.id = id;
        this.description = description;
        this.recommended = recommended;
        this.selected = new SimpleBooleanProperty(recommended);
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public boolean recommended() {
        return recommended;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }
}
