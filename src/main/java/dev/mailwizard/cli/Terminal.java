package dev.mailwizard.cli;

/** What the console can do: colour only on an interactive terminal, never when NO_COLOR is set. */
final class Terminal {
    private Terminal() {
    }

    static boolean interactive() {
        return System.console() != null;
    }

    static boolean colour() {
        String term = System.getenv("TERM");
        return interactive() && System.getenv("NO_COLOR") == null && term != null && !term.equals("dumb");
    }
}
