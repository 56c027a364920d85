package dev.mailwizard.platform;

import java.nio.file.Path;

/**
 * Windows: {@code %APPDATA%\MailWizard} (else {@code ~\AppData\Roaming\MailWizard}), Explorer,
 * Outlook.
 *
 * @param appData {@code %APPDATA%}, or null
 */
public record WindowsPlatform(String appData, Path home) implements Platform {

    @Override
    public Path configDir() {
        Path base = appData != null && !appData.isBlank() ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
        return base.resolve("MailWizard");
    }

    @Override
    public String opener() {
        return "explorer.exe";
    }

    @Override
    public String defaultMailClient() {
        return "outlook";
    }

    @Override
    public boolean hasDisplay() {
        return true;
    }
}
