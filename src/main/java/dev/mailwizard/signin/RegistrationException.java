package dev.mailwizard.signin;

/** The registrations file cannot be used: the message names the file, the entry and the field, and the fix. */
public final class RegistrationException extends RuntimeException {
    RegistrationException(String message) {
        super(message, null, false, false);
    }
}
