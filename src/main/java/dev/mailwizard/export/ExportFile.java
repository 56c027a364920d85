package dev.mailwizard.export;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** One file a writer produced: its name inside the output folder and its bytes. */
public record ExportFile(String name, byte[] content, boolean holdsPassword) {
    public ExportFile {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("not a plain file name: " + name);
        }
        content = content.clone();
    }

    public static ExportFile text(String name, String text) {
        return new ExportFile(name, text.getBytes(StandardCharsets.UTF_8), false);
    }

    public static ExportFile textWithPassword(String name, String text, boolean holdsPassword) {
        return new ExportFile(name, text.getBytes(StandardCharsets.UTF_8), holdsPassword);
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** Whether the content is a picture (a QR code), not text to show or copy. */
    public boolean image() {
        return name.endsWith(".png");
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ExportFile[" + name + ", " + content.length + " bytes" + (holdsPassword ? ", holds a password" : "") + "]";
    }
}
