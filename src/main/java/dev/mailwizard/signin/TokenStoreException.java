package dev.mailwizard.signin;

/** The token store cannot be used (e.g. no OS keyring on this system); the message says so in words. */
public final class TokenStoreException extends Exception {
    public TokenStoreException(String message) {
        super(message, null, false, false);
    }
}
