package dev.mailwizard.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * The protocol dialogue of one probe as a help-desk person reads it: "S:" server lines, "C:" our
 * lines, "*" notes. Nothing secret is ever added (credentials are written as {@code <redacted>}).
 * Server text is made printable and the whole is capped so a chatty server cannot flood a report.
 */
final class Transcript {
    private static final int MAX_LINES = 300;
    private static final int MAX_LINE = 512;
    private final List<String> lines = new ArrayList<>();
    private boolean truncated;

    synchronized void server(String line) {
        add("S: " + line);
    }

    synchronized void client(String line) {
        add("C: " + line);
    }

    synchronized void note(String line) {
        add("* " + line);
    }

    private void add(String line) {
        if (lines.size() >= MAX_LINES) {
            if (!truncated) {
                lines.add("* (transcript truncated)");
                truncated = true;
            }
            return;
        }
        lines.add(printable(line));
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    static String printable(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_LINE));
        for (int i = 0; i < s.length() && b.length() < MAX_LINE; i++) {
            char c = s.charAt(i);
            if (c == '\t' || (c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0))) {
                b.append(c);
            } else {
                b.append(String.format("\\x%02x", (int) c & 0xff));
            }
        }
        if (s.length() > MAX_LINE) {
            b.append("...");
        }
        return b.toString();
    }
}
