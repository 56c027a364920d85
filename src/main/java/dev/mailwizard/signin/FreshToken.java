package dev.mailwizard.signin;

/** What {@link TokenRefresher} got for an address. */
public sealed interface FreshToken {
    /**
     * A new access token; the caller wipes it after use.
     *
     * @param warning what went wrong beside it (a rotated refresh token that could not be stored), or null
     */
    record Issued(char[] accessToken, String warning) implements FreshToken {
        @Override
        public String toString() {
            return "Issued[<redacted>, warning=" + warning + "]";
        }
    }

    /** Nothing is remembered for the address. */
    record NothingStored(String message) implements FreshToken {
    }

    /** The authorization server refused the refresh token (e.g. invalid_grant: expired or revoked). */
    record Refused(String message) implements FreshToken {
    }

    /** The keyring or the token endpoint could not be used. */
    record Failed(String message) implements FreshToken {
    }
}
