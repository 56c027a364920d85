package dev.mailwizard.export;

import java.util.List;

/** What a writer did: wrote files (with notes for the user), or refused, saying why. */
public sealed interface ExportResult {
    record Written(List<ExportFile> files, List<String> notes) implements ExportResult {
        public Written {
            files = List.copyOf(files);
            notes = List.copyOf(notes);
        }
    }

    record Refused(String reason) implements ExportResult {
    }
}
