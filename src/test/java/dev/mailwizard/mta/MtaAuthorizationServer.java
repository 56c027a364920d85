package dev.mailwizard.mta;

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
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import dev.mailwizard.signin.MockAuthorizationServer;
import dev.mailwizard.signin.MockAuthorizationServer.Received;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * The authorization server whose tokens the real Dovecot accepts: {@link MockAuthorizationServer}
 * with its login page, over HTTPS on 127.0.0.1 with the port, issuer and keystore that
 * {@code .ci/mta-setup} wrote (Dovecot's oauth2 passdb introspects every token there, RFC 7662).
 * Tokens come from the authorization code flow with PKCE, its login page filled in by an HTTP
 * client, so a token's subject is the login typed there. The server records every request, so a
 * test sees what Dovecot (and MailWizard) asked.
 */
final class MtaAuthorizationServer implements AutoCloseable {
    private static final ClientID CLIENT = new ClientID("mailwizard-mta-test");
    // Never called: the authorization server answers the login with a redirect, whose code is read.
    private static final URI REDIRECT = URI.create("http://127.0.0.1/callback");

    /** One introspection request as the authorization server received it. */
    record Introspection(String method, String authorization, String token) {
    }

    private final MockAuthorizationServer server;
    private final URI issuer;
    private final SSLContext tls;

    private MtaAuthorizationServer(MockAuthorizationServer server, URI issuer, SSLContext tls) {
        this.server = server;
        this.issuer = issuer;
        this.tls = tls;
    }

    static MtaAuthorizationServer start(Map<String, String> env, SSLContext trustingMtaCa) throws IOException {
        char[] password = env.get("MTA_OAUTH_KEYSTORE_PASSWORD").toCharArray();
        KeyStore keyStore;
        X509Certificate ca;
        try (InputStream keys = Files.newInputStream(Path.of(env.get("MTA_OAUTH_KEYSTORE")));
             InputStream caPem = Files.newInputStream(Path.of(env.get("MTA_CA")))) {
            keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(keys, password);
            ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(caPem);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the keystore or CA that .ci/mta-setup wrote: " + e, e);
        }
        // Named by its address, so the issuer URL (and every token's iss) is the one Dovecot was told.
        InetAddress loopback = InetAddress.getByAddress("127.0.0.1", new byte[]{127, 0, 0, 1});
        MockAuthorizationServer server = MockAuthorizationServer.startWithLoginPage(loopback, Integer.parseInt(env.get("MTA_OAUTH_PORT")),
                keyStore, new String(password), ca, env.get("MTA_OAUTH_ISSUER_ID"));
        URI issuer = URI.create(env.get("MTA_OAUTH_ISSUER"));
        if (!server.issuer().equals(issuer.toString())) {
            server.close();
            throw new IllegalStateException("the authorization server's issuer is " + server.issuer() + ", .ci/mta-setup told Dovecot " + issuer);
        }
        return new MtaAuthorizationServer(server, issuer, trustingMtaCa);
    }

    /** The issuer URL that Dovecot introspects at (https://127.0.0.1:8765/mailwizard). */
    URI issuer() {
        return issuer;
    }

    /** The server itself: its browser ({@code signIn}), registrations-file entry and every request received. */
    MockAuthorizationServer server() {
        return server;
    }

    /** A registrations file (oauth2.json) with one public client of this server for the mail server {@code mailHost}. */
    String registrationsFile(String clientId, String mailHost) {
        return "{\"registrations\": [" + server.registrationJson(clientId, List.of(mailHost)) + "]}";
    }

    /** An access token for {@code login}, through the authorization code flow with PKCE. */
    String accessToken(String login) throws IOException {
        return accessToken(login, Map.of());
    }

    /** The same, with extra claims typed into the login page (they make the token as long as a test needs). */
    String accessToken(String login, Map<String, String> extraClaims) throws IOException {
        CodeVerifier verifier = new CodeVerifier();
        State state = new State();
        URI authorize = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"), CLIENT, REDIRECT)
                .state(state).codeChallenge(verifier, CodeChallengeMethod.S256)
                .endpointURI(URI.create(issuer + "/authorize")).build().toURI();
        URI location = server.logIn(authorize, login, extraClaims);
        try {
            AuthorizationResponse answer = AuthorizationResponse.parse(location);
            if (!answer.indicatesSuccess() || !state.equals(answer.getState())) {
                throw new AssertionError("authorization refused or state changed: " + location);
            }
            AuthorizationCode code = answer.toSuccessResponse().getAuthorizationCode();
            HTTPRequest request = new TokenRequest.Builder(URI.create(issuer + "/token"), CLIENT,
                    new AuthorizationCodeGrant(code, REDIRECT, verifier)).build().toHTTPRequest();
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
        return server.token(login, Duration.ofHours(-1));
    }

    /** The introspection requests received since the last call (other requests are dropped). */
    List<Introspection> introspections() {
        return introspections(server.received());
    }

    /** The introspection requests among {@code received}. */
    static List<Introspection> introspections(List<Received> received) {
        return received.stream().filter(r -> r.path().endsWith("/introspect"))
                .map(r -> new Introspection(r.method(), r.authorization(), r.form().get("token"))).toList();
    }

    @Override
    public void close() {
        server.close();
    }
}
