package dev.mailwizard.cli;

import java.util.ArrayList;
import java.util.List;

/** One line of a batch file: its position, its text, and an error when it cannot be an address or host. */
record BatchItem(int index, int line, String text, String error) {
    /** Skips blank lines and {@code #} comments (whole-line or trailing); keeps the file's line numbers. */
    static List<BatchItem> parse(String content) {
        List<BatchItem> items = new ArrayList<>();
        String[] lines = content.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            int hash = raw.indexOf('#');
            String text = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            if (text.isEmpty()) {
                continue;
            }
            String error = text.chars().anyMatch(Character::isWhitespace)
                    ? "line " + (i + 1) + ": '" + text + "' holds more than one word; put one address or host name on each line" : null;
            items.add(new BatchItem(items.size(), i + 1, text, error));
        }
        return items;
    }

    BatchItem withError(String message) {
        return new BatchItem(index, line, text, "line " + line + ": " + MailWizardCommand.oneLine(message));
    }
}
