package dev.mailwizard.signin;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What is remembered for an address so a fresh access token can be had later without the browser:
 * where to ask (issuer, token endpoint), as whom (client id), for what (scopes), and the refresh
 * token. The client secret is not kept: it is read again from the registrations file by issuer.
 * Stored as a small JSON text; {@link #toString()} hides the refresh token.
 */
public record StoredGrant(String issuer, URI tokenEndpoint, String clientId, List<String> scopes, String refreshToken) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public StoredGrant {
        scopes = List.copyOf(scopes);
    }

    /** The grant to remember after a sign-in, or empty when the server gave no refresh token. */
    public static Optional<StoredGrant> of(OAuth2Client client, Tokens tokens) {
        char[] refresh = tokens.refreshToken();
        if (refresh == null) {
            return Optional.empty();
        }
        return Optional.of(new StoredGrant(client.issuer(), client.tokenEndpoint(), client.clientId(), client.scopes(), new String(refresh)));
    }

    /** The same grant with a rotated refresh token. */
    public StoredGrant withRefreshToken(String rotated) {
        return new StoredGrant(issuer, tokenEndpoint, clientId, scopes, rotated);
    }

    String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("version", 1);
        o.put("issuer", issuer);
        o.put("tokenEndpoint", tokenEndpoint.toString());
        o.put("clientId", clientId);
        scopes.forEach(o.putArray("scopes")::add);
        o.put("refreshToken", refreshToken);
        return o.toString();
    }

    /** The grant in {@code json}, or IllegalArgumentException (naming no content: it holds a refresh token). */
    static StoredGrant fromJson(String json) {
        try {
            JsonNode o = JSON.readTree(json);
            List<String> scopes = new ArrayList<>();
            o.path("scopes").forEach(s -> scopes.add(s.asText()));
            String issuer = o.path("issuer").asText(null);
            String endpoint = o.path("tokenEndpoint").asText(null);
            String clientId = o.path("clientId").asText(null);
            String refresh = o.path("refreshToken").asText(null);
            if (issuer == null || endpoint == null || clientId == null || refresh == null) {
                throw new IllegalArgumentException("it lacks issuer, tokenEndpoint, clientId or refreshToken");
            }
            return new StoredGrant(issuer, HttpsUrl.parse(endpoint), clientId, scopes, refresh);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("it is not MailWizard's JSON");
        }
    }

    @Override
    public String toString() {
        return "StoredGrant[issuer=" + issuer + ", tokenEndpoint=" + tokenEndpoint + ", clientId=" + clientId + ", scopes=" + scopes
                + ", refreshToken=<redacted>]";
    }
}
