package dev.mailwizard.ui;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** The heading and the introduction every wizard step opens with. */
public final class StepTexts {
    private StepTexts() {
    }

    public static Label heading(String text) {
        Label heading = new Label(text);
        heading.getStyleClass().add("step-heading");
        return heading;
    }

    /**
     * A wrapping introduction that keeps the height its words need: in a longer language or a larger
     * font the step's table or form gives way, not the words (the pseudo-locale run found them cut).
     */
    public static Label intro(String text) {
        Label intro = new Label(text);
        intro.setWrapText(true);
        intro.getStyleClass().add("step-intro");
        intro.setMinHeight(Region.USE_PREF_SIZE);
        return intro;
    }
}
