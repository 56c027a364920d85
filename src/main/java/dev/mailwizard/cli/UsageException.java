package dev.mailwizard.cli;

/** Bad input: printed as one line naming the value, exit code 2, nothing contacted. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message, null, false, false);
    }
}
