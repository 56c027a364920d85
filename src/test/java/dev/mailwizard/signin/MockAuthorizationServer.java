package dev.mailwizard.signin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailwizard.demo.DemoPki;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.http.Ssl;
import no.nav.security.mock.oauth2.http.SslKeystore;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real OAuth2 authorization server for tests: navikt's mock-oauth2-server in this JVM, over HTTPS
 * with a certificate from a test CA. Started with a subject, it signs its tokens for one issuer id
 * with that subject ({@code sub}) and answers the authorization endpoint at once with a redirect
 * carrying code and state ({@link #browse}); started with its login page (the real Dovecot's
 * authorization server, {@code mta.MtaAuthorizationServer}), the subject is the login typed there
 * ({@link #signIn}). It checks the PKCE verifier and issues refresh tokens (rotated when asked).
 * The browser methods follow the authorization URL to our loopback listener. {@link #received()}
 * says what the server was sent.
 */
public final class MockAuthorizationServer implements AutoCloseable {
    /**
     * A request as the server received it: method, path, query and form parameters (first value of
     * each), and the Authorization header (null when none was sent).
     */
    public record Received(String method, String path, Map<String, String> query, Map<String, String> form, String authorization) {
    }

    /** What the browser saw at the end: our loopback listener's status and page, and the URL it was sent to. */
    public record Page(int status, String body, URI url) {
    }

    private static final String KEY_PASSWORD = "test";

    private final MockOAuth2Server server;
    private final String issuerId;
    private final HttpClient browser;
    private final DefaultOAuth2TokenCallback callback;
    /** The client id of the known tokens' audience, or null when every token is new. */
    private final String knownClientId;

    private MockAuthorizationServer(MockOAuth2Server server, String issuerId, HttpClient browser, DefaultOAuth2TokenCallback callback,
                                    String knownClientId) {
        this.server = server;
        this.issuerId = issuerId;
        this.browser = browser;
        this.callback = callback;
        this.knownClientId = knownClientId;
    }

    /** Starts on localhost with a certificate for "localhost" only, issued by {@code ca}. */
    public static MockAuthorizationServer start(DemoPki ca, String issuerId, String subject, boolean rotateRefreshTokens) {
        DemoPki.Issued leaf = ca.issue("localhost");
        return start(keyStore(leaf), KEY_PASSWORD, ca.caCertificate(), issuerId, subject, rotateRefreshTokens);
    }

    /**
     * Starts on localhost (any free port) presenting the key in {@code keyStore}; the browser step trusts {@code ca}.
     *
     * @param keyPassword the password of the key entry
     */
    public static MockAuthorizationServer start(KeyStore keyStore, String keyPassword, X509Certificate ca, String issuerId, String subject,
                                                boolean rotateRefreshTokens) {
        return start(keyStore, keyPassword, ca, issuerId, new OAuth2TokenProvider(), new DefaultOAuth2TokenCallback(issuerId, subject),
                rotateRefreshTokens, null);
    }

    /**
     * Starts like {@link #start(DemoPki, String, String, boolean)}, but every access token it grants
     * is the same string, {@link #knownAccessToken()}: its clock stands still and its claims (token
     * id included) are fixed, and RS256 signatures are deterministic. For tests whose scripted mail
     * server must be told beforehand which token to accept.
     */
    public static MockAuthorizationServer startWithKnownTokens(DemoPki ca, String issuerId, String subject, String clientId) {
        Instant issuedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        DefaultOAuth2TokenCallback callback = new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", List.of(clientId),
                Map.of("jti", "mailwizard-known-token"), 3600);
        return start(keyStore(ca.issue("localhost")), KEY_PASSWORD, ca.caCertificate(), issuerId,
                new OAuth2TokenProvider(new KeyProvider(), issuedAt), callback, false, clientId);
    }

    private static MockAuthorizationServer start(KeyStore keyStore, String keyPassword, X509Certificate ca, String issuerId,
                                                 OAuth2TokenProvider tokens, DefaultOAuth2TokenCallback callback, boolean rotateRefreshTokens,
                                                 String knownClientId) {
        Ssl ssl = new Ssl(new SslKeystore(keyPassword, keyStore));
        OAuth2Config config = new OAuth2Config(false, null, null, rotateRefreshTokens, tokens, Set.of(callback), new MockWebServerWrapper(ssl));
        try {
            return start(config, InetAddress.getByName("localhost"), 0, ca, issuerId, callback, knownClientId);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts on {@code address}:{@code port} with the server's login page: each token's subject is
     * the login typed there ({@link #signIn}). The issuer URL names the address as {@code address}'s
     * host name does (give an {@code InetAddress.getByAddress("127.0.0.1", ...)} for an IP in the URL).
     *
     * @throws IOException when the port is taken
     */
    public static MockAuthorizationServer startWithLoginPage(InetAddress address, int port, KeyStore keyStore, String keyPassword, X509Certificate ca,
                                                             String issuerId) throws IOException {
        OAuth2Config config = new OAuth2Config(true, null, null, false, new OAuth2TokenProvider(), Set.of(),
                new MockWebServerWrapper(new Ssl(new SslKeystore(keyPassword, keyStore))));
        return start(config, address, port, ca, issuerId, null, null);
    }

    private static MockAuthorizationServer start(OAuth2Config config, InetAddress address, int port, X509Certificate ca, String issuerId,
                                                 DefaultOAuth2TokenCallback callback, String knownClientId) throws IOException {
        MockOAuth2Server server = new MockOAuth2Server(config);
        server.start(address, port);
        HttpClient browser = HttpClient.newBuilder().sslContext(trusting(ca)).followRedirects(HttpClient.Redirect.NEVER).build();
        return new MockAuthorizationServer(server, issuerId, browser, callback, knownClientId);
    }

    /** The access token every sign-in gets from a server started with {@link #startWithKnownTokens}. */
    public String knownAccessToken() {
        if (knownClientId == null) {
            throw new IllegalStateException("this server mints a new token each time: start it with startWithKnownTokens");
        }
        return server.issueToken(issuerId, knownClientId, callback).serialize();
    }

    /** The issuer URL, e.g. https://localhost:40123/mailwizard (the {@code iss} of its tokens). */
    public String issuer() {
        return strip(server.issuerUrl(issuerId).toString());
    }

    public URI authorizationEndpoint() {
        return URI.create(server.authorizationEndpointUrl(issuerId).toString());
    }

    public URI tokenEndpoint() {
        return URI.create(server.tokenEndpointUrl(issuerId).toString());
    }

    public int port() {
        return server.baseUrl().port();
    }

    /** A client for this server; "openid" is in the scopes because the server wants it. */
    public OAuth2Client client(String clientId, String clientSecret) {
        return new OAuth2Client(issuer(), clientId, clientSecret, authorizationEndpoint(), tokenEndpoint(), List.of("openid", "offline_access"));
    }

    /** One registrations-file entry for this server, for these mail hosts. */
    public String registrationJson(String clientId, List<String> hosts) {
        return "{\"issuer\": \"" + issuer() + "\", \"hosts\": [" + String.join(", ", hosts.stream().map(h -> "\"" + h + "\"").toList())
                + "], \"clientId\": \"" + clientId + "\", \"authorizationEndpoint\": \"" + authorizationEndpoint()
                + "\", \"tokenEndpoint\": \"" + tokenEndpoint() + "\", \"scopes\": [\"openid\", \"offline_access\"]}";
    }

    /** The browser: opens the authorization URL and follows the server's redirect to the loopback listener. */
    public Page browse(URI authorizationUrl) {
        return browse(authorizationUrl, UnaryOperator.identity());
    }

    /** As {@link #browse(URI)}, with the redirect changed on its way (a forged or mixed-up answer). */
    public Page browse(URI authorizationUrl, UnaryOperator<URI> changeRedirect) {
        HttpResponse<String> authorize = get(authorizationUrl);
        String location = authorize.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no redirect from the authorization endpoint: " + authorize.statusCode() + " " + authorize.body()));
        return open(changeRedirect.apply(URI.create(location)));
    }

    /**
     * The browser on a server with the login page: opens the authorization URL, posts the login form
     * with {@code login}, and follows the server's redirect to the loopback listener.
     */
    public Page signIn(URI authorizationUrl, String login) {
        return open(logIn(authorizationUrl, login, Map.of()));
    }

    /**
     * Opens the authorization URL and posts the login form with {@code login} and {@code claims} (extra
     * claims for the token, e.g. to make it long); returns where the server redirects the browser.
     */
    public URI logIn(URI authorizationUrl, String login, Map<String, String> claims) {
        HttpResponse<String> page = get(authorizationUrl);
        if (page.statusCode() != 200 || !page.body().contains("name=\"username\"")) {
            throw new AssertionError("no login form at the authorization endpoint: " + page.statusCode() + " " + page.body());
        }
        String form = "username=" + URLEncoder.encode(login, StandardCharsets.UTF_8)
                + (claims.isEmpty() ? "" : "&claims=" + URLEncoder.encode(json(claims), StandardCharsets.UTF_8));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(authorizationUrl).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        return URI.create(answer.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("the login page answered " + answer.statusCode() + " without a redirect: " + answer.body())));
    }

    /** A token this server signs for {@code subject}, valid for {@code validFor} from now (negative: already expired). */
    public String token(String subject, Duration validFor) {
        return server.anyToken(HttpUrl.get(issuer()), Map.of("sub", subject), validFor).serialize();
    }

    /** The browser going straight to the redirect URI with {@code parameters} and the request's own state (an answer the server never gave). */
    public Page answerWithoutServer(URI authorizationUrl, String parameters) {
        Map<String, String> request = parameters(authorizationUrl.getRawQuery());
        String state = URLEncoder.encode(request.get("state"), StandardCharsets.UTF_8);
        return open(URI.create(request.get("redirect_uri") + "?" + parameters + "&state=" + state));
    }

    /** Opens {@code url} in the browser (no redirects followed). */
    public Page open(URI url) {
        HttpResponse<String> r = get(url);
        return new Page(r.statusCode(), r.body(), url);
    }

    /** Every request the server received since the last call, in order. */
    public List<Received> received() {
        List<Received> out = new ArrayList<>();
        while (true) {
            RecordedRequest r;
            try {
                r = server.takeRequest(0, TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
                return out; // "no request found in queue": all taken
            }
            URI url = URI.create(r.getRequestUrl().toString());
            out.add(new Received(r.getMethod(), url.getPath(), parameters(url.getRawQuery()), parameters(r.getBody().readUtf8()),
                    r.getHeader("Authorization")));
        }
    }

    /** The received requests to the token endpoint. */
    public List<Received> tokenRequests() {
        return received().stream().filter(r -> r.path().endsWith("/token")).toList();
    }

    @Override
    public void close() {
        server.shutdown();
    }

    static Map<String, String> parameters(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(name, value);
        }
        return out;
    }

    private HttpResponse<String> get(URI url) {
        return send(HttpRequest.newBuilder(url).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return browser.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the browser could not open " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Map<String, String> claims) {
        try {
            return new ObjectMapper().writeValueAsString(claims);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static KeyStore keyStore(DemoPki.Issued leaf) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", leaf.key(), KEY_PASSWORD.toCharArray(), leaf.chain().toArray(new X509Certificate[0]));
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext trusting(X509Certificate ca) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
