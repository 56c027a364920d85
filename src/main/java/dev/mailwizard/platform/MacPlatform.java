package dev.mailwizard.platform;

import java.nio.file.Path;

/** macOS: {@code ~/Library/Application Support/MailWizard}, {@code open}, Apple Mail. */
public record MacPlatform(Path home) implements Platform {

    @Override
    public Path configDir() {
        return home.resolve("Library").resolve("Application Support").resolve("MailWizard");
    }

    @Override
    public String opener() {
        return "open";
    }

    @Override
    public String defaultMailClient() {
        return "apple";
    }

    @Override
    public boolean hasDisplay() {
        return true;
    }
}
