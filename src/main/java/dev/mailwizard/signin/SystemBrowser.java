package dev.mailwizard.signin;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens a URL in the person's browser: the program named by {@code $BROWSER} when it is set (its
 * words split on spaces, the URL as one more argument, or in place of a {@code %s} word; no shell
 * reads it), else the desktop's browser through {@link Desktop} where there is one. Either may be
 * missing; callers always show the URL too.
 */
public final class SystemBrowser {
    /** How the attempt went. */
    public sealed interface Launch {
        /**
         * @param how     words for the person, e.g. "with $BROWSER (firefox)"
         * @param process the started program, or null for the desktop's browser
         */
        record Started(String how, Process process) implements Launch {
        }

        record NotOpened(String reason) implements Launch {
        }
    }

    private SystemBrowser() {
    }

    public static Launch open(URI url) {
        return open(url, System.getenv("BROWSER"));
    }

    static Launch open(URI url, String browserVariable) {
        if (browserVariable != null && !browserVariable.isBlank()) {
            return runBrowserVariable(url, browserVariable.strip());
        }
        if (GraphicsEnvironment.isHeadless() || !Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
            return new Launch.NotOpened("no desktop browser is available here and $BROWSER is not set");
        }
        try {
            Desktop.getDesktop().browse(url);
            return new Launch.Started("in the desktop's browser", null);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return new Launch.NotOpened("the desktop's browser did not start (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Launch runBrowserVariable(URI url, String value) {
        List<String> command = new ArrayList<>();
        boolean placed = false;
        for (String word : value.split("\\s+")) {
            if (word.equals("%s")) {
                command.add(url.toString());
                placed = true;
            } else {
                command.add(word);
            }
        }
        if (!placed) {
            command.add(url.toString());
        }
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            return new Launch.Started("with $BROWSER (" + command.get(0) + ")", p);
        } catch (IOException e) {
            return new Launch.NotOpened("$BROWSER (" + command.get(0) + ") could not be started: " + e.getMessage());
        }
    }
}
