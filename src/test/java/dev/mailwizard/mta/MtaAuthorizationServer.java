package dev.mailwizard.mta;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.http.Ssl;
import no.nav.security.mock.oauth2.http.SslKeystore;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The authorization server whose tokens the real Dovecot accepts: no.nav.security's
 * mock-oauth2-server, over HTTPS on 127.0.0.1 with the port, issuer and keystore that
 * {@code .ci/mta-setup} wrote (Dovecot's oauth2 passdb introspects every token there, RFC 7662).
 * Tokens come from the authorization code flow with PKCE, its login page filled in by an HTTP
 * client, so a token's subject is the login typed there. The server records every request, so a
 * test sees what Dovecot asked.
 */
final class MtaAuthorizationServer implements AutoCloseable {
    private static final ClientID CLIENT = new ClientID("mailwizard-mta-test");
    // Never called: the authorization server answers the login with a redirect, whose code is read.
    private static final URI REDIRECT = URI.create("http://127.0.0.1/callback");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One introspection request as the authorization server received it. */
    record Introspection(String method, String authorization, String token) {
    }

    private final MockOAuth2Server server;
    private final MockWebServer recorder;
    private final URI issuer;
    private final SSLContext tls;
    private final HttpClient http;

    private MtaAuthorizationServer(MockOAuth2Server server, MockWebServer recorder, URI issuer, SSLContext tls) {
        this.server = server;
        this.recorder = recorder;
        this.issuer = issuer;
        this.tls = tls;
        this.http = HttpClient.newBuilder().sslContext(tls).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static MtaAuthorizationServer start(Map<String, String> env, SSLContext trustingMtaCa) throws IOException {
        String password = env.get("MTA_OAUTH_KEYSTORE_PASSWORD");
        Ssl ssl = new Ssl(new SslKeystore(password, new File(env.get("MTA_OAUTH_KEYSTORE")), SslKeystore.KeyStoreType.PKCS12, password));
        MockWebServerWrapper http = new MockWebServerWrapper(ssl);
        // interactiveLogin: the authorize endpoint shows a login form; the subject is its "username".
        OAuth2Config config = new OAuth2Config(true, null, null, false, new OAuth2TokenProvider(), Set.of(), http);
        MockOAuth2Server server = new MockOAuth2Server(config);
        server.start(InetAddress.getByName("127.0.0.1"), Integer.parseInt(env.get("MTA_OAUTH_PORT")));
        return new MtaAuthorizationServer(server, http.getMockWebServer(), URI.create(env.get("MTA_OAUTH_ISSUER")), trustingMtaCa);
    }

    /** An access token for {@code login}, through the authorization code flow with PKCE. */
    String accessToken(String login) throws IOException, InterruptedException {
        return accessToken(login, Map.of());
    }

    /** The same, with extra claims typed into the login page (they make the token as long as a test needs). */
    String accessToken(String login, Map<String, String> extraClaims) throws IOException, InterruptedException {
        CodeVerifier verifier = new CodeVerifier();
        State state = new State();
        URI authorize = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"), CLIENT, REDIRECT)
                .state(state).codeChallenge(verifier, CodeChallengeMethod.S256)
                .endpointURI(URI.create(issuer + "/authorize")).build().toURI();
        String form = "username=" + URLEncoder.encode(login, StandardCharsets.UTF_8)
                + (extraClaims.isEmpty() ? "" : "&claims=" + URLEncoder.encode(JSON.writeValueAsString(extraClaims), StandardCharsets.UTF_8));
        HttpResponse<String> loginAnswer = http.send(HttpRequest.newBuilder(authorize).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = loginAnswer.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("the login page answered " + loginAnswer.statusCode() + " without a redirect"));
        try {
            AuthorizationResponse answer = AuthorizationResponse.parse(URI.create(location));
            if (!answer.indicatesSuccess() || !state.equals(answer.getState())) {
                throw new AssertionError("authorization refused or state changed: " + location);
            }
            AuthorizationCode code = answer.toSuccessResponse().getAuthorizationCode();
            HTTPRequest request = new TokenRequest(URI.create(issuer + "/token"), CLIENT,
                    new AuthorizationCodeGrant(code, REDIRECT, verifier)).toHTTPRequest();
            request.setSSLSocketFactory(tls.getSocketFactory());
            TokenResponse tokens = OIDCTokenResponseParser.parse(request.send());
            if (!tokens.indicatesSuccess()) {
                throw new AssertionError("token endpoint refused: " + tokens.toErrorResponse().getErrorObject());
            }
            return tokens.toSuccessResponse().getTokens().getAccessToken().getValue();
        } catch (ParseException e) {
            throw new AssertionError("unreadable answer from the authorization server", e);
        }
    }

    /** A token this issuer signed for {@code login} that expired an hour ago. */
    String expiredToken(String login) {
        return server.anyToken(HttpUrl.get(issuer.toString()), Map.of("sub", login), Duration.ofHours(-1)).serialize();
    }

    /** The introspection requests received since the last call (other requests are dropped). */
    List<Introspection> introspections() throws InterruptedException {
        List<Introspection> found = new ArrayList<>();
        RecordedRequest r;
        while ((r = recorder.takeRequest(0, TimeUnit.SECONDS)) != null) {
            if (r.getPath() != null && r.getPath().endsWith("/introspect")) {
                List<String> token = URLUtils.parseParameters(r.getBody().readUtf8()).get("token");
                found.add(new Introspection(r.getMethod(), r.getHeader("Authorization"), token == null ? null : String.join(",", token)));
            }
        }
        return found;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
