package dev.mailwizard.probe;

import dev.mailwizard.model.Endpoint;

import java.util.Optional;

/**
 * One token login's SASL settings, handed to Jakarta Mail inside the session properties (under
 * {@link #PROPERTY}) so that {@link TokenSaslProvider}'s factory answers for this login only: the
 * mechanism, the server's name and port (OAUTHBEARER sends them), how long an initial response may
 * be on the command line, and, afterwards, the error challenge the server sent when it refused.
 */
final class TokenSaslLogin {
    static final String PROPERTY = "dev.mailwizard.sasl.token-login";
    /** RFC 5321 4.5.3.1.4: an SMTP command line is at most 512 octets with CRLF; RFC 4954 section 4 applies it to AUTH. */
    private static final int SMTP_COMMAND_LINE = 512;
    /** RFC 7162 section 4: IMAP clients keep command lines to about 8192 octets. */
    private static final int IMAP_COMMAND_LINE = 8192;

    private final String mechanism;
    private final String host;
    private final int port;
    private final int longestInlineResponse;
    private volatile String errorChallenge;

    private TokenSaslLogin(String mechanism, Endpoint endpoint, int longestInlineResponse) {
        this.mechanism = mechanism;
        this.host = endpoint.host();
        this.port = endpoint.port();
        this.longestInlineResponse = longestInlineResponse;
    }

    /** For "AUTH mech initial-response" on SMTP. */
    static TokenSaslLogin smtp(String mechanism, Endpoint endpoint) {
        return new TokenSaslLogin(mechanism, endpoint, SMTP_COMMAND_LINE - "AUTH ".length() - mechanism.length() - " \r\n".length());
    }

    /** For "tag AUTHENTICATE mech initial-response" on IMAP (SASL-IR, RFC 4959). */
    static TokenSaslLogin imap(String mechanism, Endpoint endpoint) {
        return new TokenSaslLogin(mechanism, endpoint, IMAP_COMMAND_LINE - "A999 AUTHENTICATE ".length() - mechanism.length() - " \r\n".length());
    }

    String mechanism() {
        return mechanism;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    /**
     * Whether an initial response of this Base64 length may go on the command line; a longer one
     * (a realistic JWT) is sent after the server's empty challenge instead, as RFC 4954 asks.
     */
    boolean fitsInline(int base64Length) {
        return base64Length <= longestInlineResponse;
    }

    /** Called by the SASL client with the server's decoded error challenge. */
    void heardErrorChallenge(String text) {
        errorChallenge = text;
    }

    /** The server's error challenge (RFC 7628 3.2.2; Gmail's XOAUTH2 sends the same JSON), if it sent one. */
    Optional<String> errorChallenge() {
        return Optional.ofNullable(errorChallenge);
    }
}
