package dev.mailwizard.probe;

import dev.mailwizard.model.DisplayText;

import java.util.List;

/** A complete SMTP reply: its code and the text of each line (without the code). */
record Reply(int code, List<String> lines) {
    Reply {
        lines = List.copyOf(lines);
    }

    String firstLine() {
        return lines.isEmpty() ? "" : lines.get(0);
    }

    /** The reply as the server sent it, one string (first line only, for short messages), safe to show. */
    String summary() {
        return DisplayText.serverLine(code + (lines.isEmpty() || lines.get(0).isEmpty() ? "" : " " + lines.get(0)));
    }
}
