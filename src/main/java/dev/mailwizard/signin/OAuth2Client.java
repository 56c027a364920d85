package dev.mailwizard.signin;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A registration ready for sign-in: the registrations file's entry with the endpoints and scopes
 * that discovery filled in. Both endpoints are https. The client secret (null for a public client)
 * is what Google's desktop clients are given; it never appears in {@link #toString()}.
 */
public record OAuth2Client(String issuer, String clientId, String clientSecret, URI authorizationEndpoint, URI tokenEndpoint,
                           List<String> scopes) {
    public OAuth2Client {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(authorizationEndpoint, "authorizationEndpoint");
        Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        scopes = List.copyOf(scopes);
    }

    @Override
    public String toString() {
        return "OAuth2Client[issuer=" + issuer + ", clientId=" + clientId + ", clientSecret=" + (clientSecret == null ? "none" : "<redacted>")
                + ", authorizationEndpoint=" + authorizationEndpoint + ", tokenEndpoint=" + tokenEndpoint + ", scopes=" + scopes + "]";
    }
}
