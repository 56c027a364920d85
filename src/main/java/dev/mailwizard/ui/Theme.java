package dev.mailwizard.ui;

import java.util.Locale;
import java.util.Map;
import javafx.scene.Scene;

/**
 * The colour themes: one base stylesheet (layout and type) plus one colour sheet of looked-up
 * colours ({@code -mw-text}, {@code -mw-bg}, ...). Each sheet keeps text at WCAG AA contrast (4.5:1).
 */
public enum Theme {
    LIGHT("light"),
    DARK("dark"),
    HIGH_CONTRAST("high-contrast");

    private static final System.Logger LOG = System.getLogger(Theme.class.getName());
    private static final String BASE = Theme.class.getResource("/dev/mailwizard/ui/base.css").toExternalForm();

    private final String id;

    Theme(String id) {
        this.id = id;
    }

    /** The value of MAILWIZARD_THEME that asks for this theme, and the name of its colour sheet. */
    public String id() {
        return id;
    }

    /** The colour sheet, as a class-path resource name. */
    public String sheet() {
        return "/dev/mailwizard/ui/" + id + ".css";
    }

    /** The words in the theme chooser. */
    public String label() {
        return Messages.get("theme." + id);
    }

    public void apply(Scene scene) {
        scene.getStylesheets().setAll(BASE, Theme.class.getResource(sheet()).toExternalForm());
    }

    /** The theme the environment of this process asks for. */
    public static Theme fromSystem() {
        return fromEnvironment(System.getenv());
    }

    /**
     * MAILWIZARD_THEME (light, dark, high-contrast) first; else GTK_THEME: a name containing
     * "HighContrast" (GNOME's HighContrast and HighContrastInverse) is high contrast, one ending in
     * ":dark" is dark. Windows' high-contrast setting cannot be read: JavaFX 21 has no API for it
     * (Modena then adds its own high-contrast sheet for the standard controls).
     */
    public static Theme fromEnvironment(Map<String, String> env) {
        String asked = env.get("MAILWIZARD_THEME");
        if (asked != null && !asked.isBlank()) {
            for (Theme t : values()) {
                if (t.id.equalsIgnoreCase(asked.strip())) {
                    return t;
                }
            }
            LOG.log(System.Logger.Level.WARNING, () -> "MAILWIZARD_THEME=" + asked + " is not a theme: use light, dark or high-contrast."
                    + " Using the desktop's theme instead.");
        }
        String gtk = env.getOrDefault("GTK_THEME", "").toLowerCase(Locale.ROOT);
        if (gtk.contains("highcontrast")) {
            return HIGH_CONTRAST;
        }
        return gtk.endsWith(":dark") ? DARK : LIGHT;
    }
}
