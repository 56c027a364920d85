package dev.mailwizard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which theme the environment asks for: MAILWIZARD_THEME first, then the GTK theme's name. */
class ThemeChoiceTest {
    @Test
    void mailwizardThemeNamesAnyOfTheThree() {
        assertThat(Theme.fromEnvironment(Map.of("MAILWIZARD_THEME", "high-contrast"))).isEqualTo(Theme.HIGH_CONTRAST);
        assertThat(Theme.fromEnvironment(Map.of("MAILWIZARD_THEME", "Dark"))).isEqualTo(Theme.DARK);
        assertThat(Theme.fromEnvironment(Map.of("MAILWIZARD_THEME", "light", "GTK_THEME", "HighContrast"))).isEqualTo(Theme.LIGHT);
    }

    @Test
    void gnomesHighContrastThemesAndDarkVariantsAreFollowed() {
        assertThat(Theme.fromEnvironment(Map.of("GTK_THEME", "HighContrast"))).isEqualTo(Theme.HIGH_CONTRAST);
        assertThat(Theme.fromEnvironment(Map.of("GTK_THEME", "HighContrastInverse"))).isEqualTo(Theme.HIGH_CONTRAST);
        assertThat(Theme.fromEnvironment(Map.of("GTK_THEME", "Adwaita:dark"))).isEqualTo(Theme.DARK);
        assertThat(Theme.fromEnvironment(Map.of("GTK_THEME", "Adwaita"))).isEqualTo(Theme.LIGHT);
        assertThat(Theme.fromEnvironment(Map.of())).isEqualTo(Theme.LIGHT);
    }

    @Test
    void anUnknownMailwizardThemeFallsBackToTheDesktops() {
        assertThat(Theme.fromEnvironment(Map.of("MAILWIZARD_THEME", "contrast", "GTK_THEME", "HighContrast"))).isEqualTo(Theme.HIGH_CONTRAST);
        assertThat(Theme.fromEnvironment(Map.of("MAILWIZARD_THEME", "purple"))).isEqualTo(Theme.LIGHT);
    }
}
