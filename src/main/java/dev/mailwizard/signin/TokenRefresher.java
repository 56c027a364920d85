package dev.mailwizard.signin;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * A fresh access token from a remembered refresh token, for mail programs that ask a command for
 * their secret ({@code mailwizard oauth2 token ADDRESS}): the grant from the store, the client
 * secret (if any) from the registrations file by issuer and client id, the refresh grant at the
 * stored token endpoint; a rotated refresh token replaces the stored one.
 */
public final class TokenRefresher {
    private final TokenStore store;
    private final RegistrationsFile registrations;
    private final List<X509Certificate> extraCas;

    public TokenRefresher(TokenStore store, RegistrationsFile registrations, List<X509Certificate> extraCas) {
        this.store = store;
        this.registrations = registrations;
        this.extraCas = List.copyOf(extraCas);
    }

    public FreshToken fresh(String address) {
        Optional<StoredGrant> stored;
        try {
            stored = store.load(address);
        } catch (TokenStoreException e) {
            return new FreshToken.Failed(e.getMessage());
        }
        if (stored.isEmpty()) {
            return new FreshToken.NothingStored("no sign-in is remembered for " + address + " (or the keyring is locked): sign in once with"
                    + " mailwizard probe " + address + " --oauth2 --oauth2-remember");
        }
        StoredGrant grant = stored.get();
        TokenEndpoint endpoint = new TokenEndpoint(grant.tokenEndpoint(), grant.clientId(),
                registrations.clientSecret(grant.issuer(), grant.clientId()), extraCas);
        TokenResult result = endpoint.refresh(grant.refreshToken().toCharArray());
        if (result instanceof TokenResult.Refused r) {
            return new FreshToken.Refused(r.inWords() + "; sign in again with mailwizard probe " + address + " --oauth2 --oauth2-remember");
        }
        if (result instanceof TokenResult.Failed f) {
            return new FreshToken.Failed(f.reason());
        }
        Tokens tokens = ((TokenResult.Granted) result).tokens();
        try {
            return new FreshToken.Issued(tokens.accessToken(), keepRotated(address, grant, tokens));
        } finally {
            tokens.wipe();
        }
    }

    /** Stores a rotated refresh token; returns a warning when that failed, else null. */
    private String keepRotated(String address, StoredGrant grant, Tokens tokens) {
        char[] rotated = tokens.refreshToken();
        if (rotated == null || grant.refreshToken().equals(new String(rotated))) {
            return null;
        }
        try {
            store.save(address, grant.withRefreshToken(new String(rotated)));
            return null;
        } catch (TokenStoreException e) {
            return "the authorization server replaced the refresh token but " + e.getMessage()
                    + "; the next refresh may be refused: then sign in again with mailwizard probe " + address + " --oauth2 --oauth2-remember";
        }
    }
}
