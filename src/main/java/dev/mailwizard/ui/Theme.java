package dev.mailwizard.ui;

import javafx.scene.Scene;

/** Light and dark themes: one base stylesheet plus a colour sheet. */
public final class Theme {
    private static final String BASE = Theme.class.getResource("/dev/mailwizard/ui/base.css").toExternalForm();
    private static final String LIGHT = Theme.class.getResource("/dev/mailwizard/ui/light.css").toExternalForm();
    private static final String DARK = Theme.class.getResource("/dev/mailwizard/ui/dark.css").toExternalForm();

    private Theme() {
    }

    public static void apply(Scene scene, boolean dark) {
        scene.getStylesheets().setAll(BASE, dark ? DARK : LIGHT);
    }

    /** Dark when asked for with MAILWIZARD_THEME=dark or GTK_THEME ending in ":dark" (what GNOME sets). */
    public static boolean systemPrefersDark() {
        String mw = System.getenv("MAILWIZARD_THEME");
        if (mw != null) {
            return mw.equalsIgnoreCase("dark");
        }
        String gtk = System.getenv("GTK_THEME");
        return gtk != null && gtk.toLowerCase(java.util.Locale.ROOT).endsWith(":dark");
    }
}
