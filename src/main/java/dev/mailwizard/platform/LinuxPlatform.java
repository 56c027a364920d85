package dev.mailwizard.platform;

import java.nio.file.Path;

/**
 * Linux and the other Unix desktops: {@code $XDG_CONFIG_HOME/mailwizard} (else
 * {@code ~/.config/mailwizard}), xdg-open, Thunderbird, a window when X11 or Wayland is there.
 *
 * @param xdgConfigHome  {@code $XDG_CONFIG_HOME}, or null
 * @param display        {@code $DISPLAY}, or null
 * @param waylandDisplay {@code $WAYLAND_DISPLAY}, or null
 */
public record LinuxPlatform(String xdgConfigHome, String display, String waylandDisplay, Path home) implements Platform {

    @Override
    public Path configDir() {
        // The XDG base directory spec ignores a relative value.
        boolean usable = xdgConfigHome != null && !xdgConfigHome.isBlank() && Path.of(xdgConfigHome).isAbsolute();
        return (usable ? Path.of(xdgConfigHome) : home.resolve(".config")).resolve("mailwizard");
    }

    @Override
    public String opener() {
        return "xdg-open";
    }

    @Override
    public String defaultMailClient() {
        return "thunderbird";
    }

    @Override
    public boolean hasDisplay() {
        return display != null || waylandDisplay != null;
    }
}
