package dev.mailwizard.cli;

/**
 * Ctrl-C handling: the first SIGINT cancels the running job (which then prints what finished and
 * exits 130); the JVM default applies when no job runs.
 */
final class Interrupts {
    private Interrupts() {
    }

    /** Calls {@code onInterrupt} on SIGINT; returns false where signals cannot be handled. */
    @SuppressWarnings("removal")
    static boolean onInterrupt(Runnable onInterrupt) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> onInterrupt.run());
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            return false;
        }
    }
}
