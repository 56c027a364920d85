package dev.mailwizard.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * A login name and password. The password is a char array so it can be wiped, and it never
 * appears in {@link #toString()}.
 */
public final class Credentials {
    private final String username;
    private final char[] password;

    public Credentials(String username, char[] password) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("the login name is empty");
        }
        if (username.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("the login name contains control characters");
        }
        this.username = username;
        this.password = Objects.requireNonNull(password, "password").clone();
    }

    public String username() {
        return username;
    }

    /** A copy of the password; the caller should wipe it after use. */
    public char[] password() {
        return password.clone();
    }

    /** Overwrites the password in memory. */
    public void wipe() {
        Arrays.fill(password, '\0');
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=<redacted>]";
    }
}
