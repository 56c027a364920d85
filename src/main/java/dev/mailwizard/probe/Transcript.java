package dev.mailwizard.probe;

import dev.mailwizard.model.DisplayText;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The protocol dialogue of one probe as a help-desk person reads it: "S:" server lines, "C:" our
 * lines, "*" notes. Nothing secret is ever added (credentials are written as {@code <redacted>}).
 * Every line is made safe to show and cut like a server line ({@link DisplayText#serverLine}: notes
 * carry certificate names), and the whole is capped, so a chatty server cannot flood a report.
 * During a token login every line first passes the login's {@link TokenRedactor}, before it is
 * cut, so a server that echoes the token cannot put it (or a piece of it) here.
 */
final class Transcript {
    private static final int MAX_LINES = 300;
    private final List<String> lines = new ArrayList<>();
    private boolean truncated;
    private UnaryOperator<String> redact = UnaryOperator.identity();

    /** Passes every line added from now on through {@code redactor}; null for none. */
    synchronized void redactWith(UnaryOperator<String> redactor) {
        redact = redactor == null ? UnaryOperator.identity() : redactor;
    }

    synchronized void server(String line) {
        add("S: " + DisplayText.serverLine(redact.apply(line)));
    }

    synchronized void client(String line) {
        add("C: " + DisplayText.serverLine(redact.apply(line)));
    }

    synchronized void note(String line) {
        add("* " + DisplayText.serverLine(redact.apply(line)));
    }

    private void add(String line) {
        if (lines.size() >= MAX_LINES) {
            if (!truncated) {
                lines.add("* (transcript truncated)");
                truncated = true;
            }
            return;
        }
        lines.add(line);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
