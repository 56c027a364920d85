package dev.mailwizard.ui;

import dev.mailwizard.signin.OAuth2Client;
import dev.mailwizard.signin.Tokens;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The tokens of a sign-in earlier in this window, kept in memory only (as the password is), so that
 * Test again and a retest after trusting a certificate do not send the person back to the browser.
 * Used again only for the same address, login name and registration while at least {@link #MARGIN}
 * of the access token's life is left; {@link #wipe()} clears it (window closed, a newer sign-in, or
 * a server refused the token).
 */
public final class HeldToken {
    /** Life a kept access token must have left to be used for another run. */
    public static final Duration MARGIN = Duration.ofMinutes(2);

    private final String address;
    private final String login;
    private final OAuth2Client client;
    private final Tokens tokens;
    private final Instant expiresAt;
    private volatile boolean remembered;

    /**
     * @param grantedAt when the token endpoint granted the tokens; a token whose life was not stated is
     *                  not used again
     */
    public HeldToken(String address, String login, OAuth2Client client, Tokens tokens, Instant grantedAt) {
        this.address = address;
        this.login = login;
        this.client = client;
        this.tokens = tokens;
        this.expiresAt = tokens.expiresIn() == null ? null : grantedAt.plus(tokens.expiresIn());
    }

    /** Whether another run for this account and registration may use it at {@code now}. */
    public boolean fits(String address, String login, OAuth2Client client, Instant now) {
        return expiresAt != null && now.plus(MARGIN).isBefore(expiresAt) && this.address.equals(address) && this.login.equals(login)
                && this.client.issuer().equals(client.issuer()) && this.client.clientId().equals(client.clientId())
                && this.client.scopes().equals(client.scopes());
    }

    public OAuth2Client client() {
        return client;
    }

    /** The tokens themselves; callers copy what they need and never keep the copies. */
    public Tokens tokens() {
        return tokens;
    }

    /** Whether its refresh token is already in the token store ("remember" was ticked for it). */
    public boolean remembered() {
        return remembered;
    }

    public void markRemembered() {
        remembered = true;
    }

    public void wipe() {
        tokens.wipe();
    }

    @Override
    public String toString() {
        return "HeldToken[" + Objects.toString(address) + ", " + client.issuer() + ", expiresAt=" + expiresAt + "]";
    }
}
