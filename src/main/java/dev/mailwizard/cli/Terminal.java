package dev.mailwizard.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the console can do. Colour only when standard output is a terminal and NO_COLOR is unset;
 * progress lines only when standard error is a terminal. {@code System.console()} alone is not
 * enough: it is null whenever standard input is a pipe, as with {@code --password-stdin}.
 */
final class Terminal {
    private Terminal() {
    }

    /** Standard error goes to a terminal (a person is watching). */
    static boolean interactive() {
        return isTerminal(2);
    }

    static boolean colour() {
        String term = System.getenv("TERM");
        return isTerminal(1) && System.getenv("NO_COLOR") == null && term != null && !term.equals("dumb");
    }

    private static boolean isTerminal(int fd) {
        if (System.console() != null) {
            return true;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false; // not Linux, or no /proc: stay plain
        }
    }
}
