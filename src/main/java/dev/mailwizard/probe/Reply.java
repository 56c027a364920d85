package dev.mailwizard.probe;

import java.util.List;

/** A complete SMTP reply: its code and the text of each line (without the code). */
record Reply(int code, List<String> lines) {
    Reply {
        lines = List.copyOf(lines);
    }

    String firstLine() {
        return lines.isEmpty() ? "" : lines.get(0);
    }

    /** The reply as the server sent it, one string (first line only, for short messages). */
    String summary() {
        return code + (lines.isEmpty() || lines.get(0).isEmpty() ? "" : " " + lines.get(0));
    }
}
