package dev.mailwizard.signin;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What the token endpoint granted: the access token (sent as the login secret) and, when given, the
 * refresh token; both as char arrays that {@link #wipe()} clears. Kept in memory only; nothing here
 * is ever printed ({@link #toString()} names neither).
 */
public final class Tokens {
    private final char[] accessToken;
    private final char[] refreshToken;
    private final Duration expiresIn;
    private final List<String> scopes;

    /**
     * @param refreshToken null when the server gave none
     * @param expiresIn    null when the server did not say
     */
    public Tokens(char[] accessToken, char[] refreshToken, Duration expiresIn, List<String> scopes) {
        this.accessToken = accessToken.clone();
        this.refreshToken = refreshToken == null ? null : refreshToken.clone();
        this.expiresIn = expiresIn;
        this.scopes = List.copyOf(scopes);
    }

    /** A copy of the access token; the caller wipes it after use. */
    public char[] accessToken() {
        return accessToken.clone();
    }

    public boolean hasRefreshToken() {
        return refreshToken != null;
    }

    /** A copy of the refresh token, or null when the server gave none. */
    public char[] refreshToken() {
        return refreshToken == null ? null : refreshToken.clone();
    }

    /** How long the access token lives, or null when the server did not say. */
    public Duration expiresIn() {
        return expiresIn;
    }

    /** The scopes granted, when the server listed them (else empty). */
    public List<String> scopes() {
        return scopes;
    }

    public void wipe() {
        Arrays.fill(accessToken, '\0');
        if (refreshToken != null) {
            Arrays.fill(refreshToken, '\0');
        }
    }

    @Override
    public String toString() {
        return "Tokens[access=<redacted>, refresh=" + (refreshToken == null ? "none" : "<redacted>") + ", expiresIn=" + expiresIn + "]";
    }
}
