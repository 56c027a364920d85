package dev.mailwizard.ui.export;

import dev.mailwizard.ui.Messages;

import java.nio.file.Path;

/** A file the export wrote (or a format it refused, with {@code path} null and the reason as {@code note}). */
public record ExportedItem(String format, Path path, String text, String note, boolean holdsPassword) {
    public boolean written() {
        return path != null;
    }

    /** What the list shows (the writers' notes are English, as the files they go with). */
    public String label() {
        return written() ? format + ": " + path.getFileName() + (note.isEmpty() ? "" : " (" + note + ")")
                : Messages.get("export.item.refused", format, note);
    }
}
