package dev.mailwizard.signin;

/** How a request to the token endpoint ended. */
public sealed interface TokenResult {
    /** Tokens granted. */
    record Granted(Tokens tokens) implements TokenResult {
    }

    /**
     * The authorization server answered with an OAuth2 error (e.g. {@code invalid_grant}: the code or
     * refresh token is expired or revoked).
     *
     * @param error       the error code, made safe for display
     * @param description its description (made safe), or empty
     */
    record Refused(String error, String description) implements TokenResult {
        public String inWords() {
            return "the authorization server refused: " + error + (description.isEmpty() ? "" : " (" + description + ")");
        }
    }

    /** No usable answer: not reachable, TLS not verified, or not a token response. */
    record Failed(String reason) implements TokenResult {
    }
}
