package dev.mailwizard.cli;

import dev.mailwizard.probe.TrustInputException;

/** Bad input: printed as one line naming the value, exit code 2, nothing contacted. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message, null, false, false);
    }

    /** Runs a model parser and turns its IllegalArgumentException (which names the value) into bad usage. */
    static <T> T orUsage(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (TrustInputException e) {
            throw new UsageException(option(e.input()) + " " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The command-line option a trust input comes from. */
    static String option(TrustInputException.Input input) {
        return switch (input) {
            case CA_FILE -> "--trust-ca";
            case PIN -> "--pin";
        };
    }

    /** The same, with the option the value came from in front of the message. */
    static <T> T orUsage(java.util.function.Supplier<T> parse, String option) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }
}
