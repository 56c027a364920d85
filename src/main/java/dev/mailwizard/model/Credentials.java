package dev.mailwizard.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * A login name and its secret: a password (normal or app password) or an OAuth2 access token,
 * as {@link #method()} says. The secret is a char array so it can be wiped, and it never appears
 * in {@link #toString()}. Both kinds follow the same rules (verified TLS only, one attempt per
 * server, never written anywhere).
 */
public final class Credentials {
    private final String username;
    private final char[] password;
    private final AuthMethod method;

    /** A login name and a password. */
    public Credentials(String username, char[] password) {
        this(username, password, AuthMethod.PASSWORD);
    }

    /** A login name and an OAuth2 access token (sent with XOAUTH2 or OAUTHBEARER). */
    public static Credentials withToken(String username, char[] accessToken) {
        return new Credentials(username, accessToken, AuthMethod.OAUTH2);
    }

    private Credentials(String username, char[] password, AuthMethod method) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("the login name is empty");
        }
        if (username.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("the login name contains control characters");
        }
        this.username = username;
        this.password = Objects.requireNonNull(password, "password").clone();
        this.method = method;
    }

    /** Whether the secret is a password or an OAuth2 access token. */
    public AuthMethod method() {
        return method;
    }

    public String username() {
        return username;
    }

    /** A copy of the secret (password or access token); the caller should wipe it after use. */
    public char[] password() {
        return password.clone();
    }

    /** Overwrites the password in memory. */
    public void wipe() {
        Arrays.fill(password, '\0');
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", method=" + method.id() + ", secret=<redacted>]";
    }
}
