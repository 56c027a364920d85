package dev.mailwizard.probe;

/**
 * A trust input the user gave cannot be used: a CA file or a pinned fingerprint. Typed, so each
 * face words it its own way (the command line names its option, the wizard its field); the
 * message itself names only the value.
 */
public final class TrustInputException extends IllegalArgumentException {
    /** Which input was wrong. */
    public enum Input { CA_FILE, PIN }

    /** What is wrong with it. */
    public enum Problem { NOT_READABLE, NO_CERTIFICATE, NOT_PEM, NOT_A_FINGERPRINT }

    private final Input input;
    private final Problem problem;
    private final String value;

    TrustInputException(Input input, Problem problem, String value) {
        super("'" + value + "' " + words(problem));
        this.input = input;
        this.problem = problem;
        this.value = value;
    }

    private static String words(Problem problem) {
        return switch (problem) {
            case NOT_READABLE -> "is not a readable file";
            case NO_CERTIFICATE -> "holds no PEM certificate";
            case NOT_PEM -> "is not a PEM certificate file";
            case NOT_A_FINGERPRINT -> "is not a SHA-256 fingerprint (64 hex digits, colons allowed)";
        };
    }

    public Input input() {
        return input;
    }

    public Problem problem() {
        return problem;
    }

    /** The value as the user gave it. */
    public String value() {
        return value;
    }
}
