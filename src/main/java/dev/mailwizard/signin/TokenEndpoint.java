package dev.mailwizard.signin;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import dev.mailwizard.discovery.TrustedRoots;
import dev.mailwizard.model.DisplayText;

import java.io.IOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;

/**
 * The authorization server's token endpoint, reached through Nimbus over verified HTTPS: the system's
 * CAs plus {@code --trust-ca} ({@link TrustedRoots}), the JDK's host-name check left on, no
 * redirects. It trades an authorization code (with the PKCE verifier) or a refresh token for tokens.
 * A client secret, when the registration has one, goes in the request body (client_secret_post).
 */
public final class TokenEndpoint {
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int READ_TIMEOUT_MS = 20_000;

    private final URI endpoint;
    private final ClientID clientId;
    private final Secret secret;
    private final SSLSocketFactory tls;

    /**
     * @param clientSecret null for a public client
     * @param extraCas     CAs trusted besides the system's ({@code --trust-ca})
     */
    public TokenEndpoint(URI endpoint, String clientId, String clientSecret, List<X509Certificate> extraCas) {
        this.endpoint = HttpsUrl.parse(endpoint.toString());
        this.clientId = new ClientID(clientId);
        this.secret = clientSecret == null ? null : new Secret(clientSecret);
        this.tls = TrustedRoots.context(extraCas).getSocketFactory();
    }

    public static TokenEndpoint of(OAuth2Client client, List<X509Certificate> extraCas) {
        return new TokenEndpoint(client.tokenEndpoint(), client.clientId(), client.clientSecret(), extraCas);
    }

    /** The authorization code grant, with the redirect URI and PKCE verifier of the same sign-in. */
    TokenResult exchange(AuthorizationCode code, URI redirectUri, CodeVerifier verifier) {
        return send(new AuthorizationCodeGrant(code, redirectUri, verifier));
    }

    /** The refresh token grant; a rotated refresh token comes back in the granted {@link Tokens}. */
    public TokenResult refresh(char[] refreshToken) {
        return send(new RefreshTokenGrant(new RefreshToken(new String(refreshToken))));
    }

    private TokenResult send(AuthorizationGrant grant) {
        TokenRequest request = secret == null ? new TokenRequest.Builder(endpoint, clientId, grant).build()
                : new TokenRequest.Builder(endpoint, new ClientSecretPost(clientId, secret), grant).build();
        HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout(CONNECT_TIMEOUT_MS);
        http.setReadTimeout(READ_TIMEOUT_MS);
        http.setFollowRedirects(false);
        http.setSSLSocketFactory(tls);
        HTTPResponse response;
        try {
            response = http.send();
        } catch (SSLException e) {
            return new TokenResult.Failed("the token endpoint " + endpoint.getHost() + " could not be verified over TLS ("
                    + DisplayText.escape(String.valueOf(e.getMessage())) + "); if it uses your own CA, add it with --trust-ca");
        } catch (IOException e) {
            return new TokenResult.Failed("cannot reach the token endpoint " + endpoint.getHost() + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + DisplayText.escape(e.getMessage())));
        }
        return read(response);
    }

    private TokenResult read(HTTPResponse response) {
        TokenResponse parsed;
        try {
            parsed = TokenResponse.parse(response);
        } catch (ParseException e) {
            return notATokenResponse(response);
        }
        if (!parsed.indicatesSuccess()) {
            ErrorObject error = parsed.toErrorResponse().getErrorObject();
            if (error == null || error.getCode() == null) {
                return notATokenResponse(response);
            }
            String description = error.getDescription() == null ? "" : DisplayText.escape(error.getDescription());
            return new TokenResult.Refused(DisplayText.escape(error.getCode()), description);
        }
        var tokens = parsed.toSuccessResponse().getTokens();
        AccessToken access = tokens.getAccessToken();
        RefreshToken refresh = tokens.getRefreshToken();
        Duration lifetime = access.getLifetime() > 0 ? Duration.ofSeconds(access.getLifetime()) : null;
        List<String> scopes = access.getScope() == null ? List.of() : access.getScope().toStringList();
        return new TokenResult.Granted(new Tokens(access.getValue().toCharArray(), refresh == null ? null : refresh.getValue().toCharArray(),
                lifetime, scopes));
    }

    private TokenResult notATokenResponse(HTTPResponse response) {
        return new TokenResult.Failed("the token endpoint " + endpoint.getHost() + " answered HTTP " + response.getStatusCode()
                + " without a token or an OAuth2 error");
    }

    @Override
    public String toString() {
        return "TokenEndpoint[" + endpoint + ", clientId=" + clientId + "]";
    }
}
