package dev.mailwizard.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.mailwizard.demo.DemoPki;

import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sign-in against a real authorization server (mock-oauth2-server over HTTPS with a test CA),
 * the browser played by an HTTP client: what the server received (PKCE S256, the redirect URI,
 * the state), what the browser was shown, and every way the wait can end.
 */
class SignInFlowTest {
    static final String SUBJECT = "alice@mailwizard.test";
    static DemoPki ca;
    static MockAuthorizationServer server;

    @BeforeAll
    static void start() {
        ca = DemoPki.newAuthority("Sign-in Test CA");
        server = MockAuthorizationServer.start(ca, "mailwizard", SUBJECT, false);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static SignInFlow flow(Browser browser, Duration wait) {
        server.received(); // forget what earlier tests sent
        OAuth2Client client = server.client("mailwizard-desktop", null);
        return new SignInFlow(client, TokenEndpoint.of(client, List.of(ca.caCertificate())), browser, wait, SUBJECT);
    }

    @Test
    void theCodeIsTradedWithItsPkceVerifierAndTheBrowserIsSentBack() throws Exception {
        AtomicReference<MockAuthorizationServer.Page> page = new AtomicReference<>();
        AtomicReference<URI> asked = new AtomicReference<>();
        SignInResult result = flow(url -> {
            asked.set(url);
            page.set(server.browse(url));
        }, SignInFlow.DEFAULT_WAIT).run();

        assertThat(result).isInstanceOf(SignInResult.SignedIn.class);
        Tokens tokens = ((SignInResult.SignedIn) result).tokens();
        SignedJWT jwt = SignedJWT.parse(new String(tokens.accessToken()));
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(SUBJECT);
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(server.issuer());
        assertThat(tokens.hasRefreshToken()).isTrue();
        assertThat(tokens.toString()).doesNotContain(new String(tokens.accessToken()));

        List<MockAuthorizationServer.Received> received = server.received();
        assertThat(received).extracting(MockAuthorizationServer.Received::path).containsExactly("/mailwizard/authorize", "/mailwizard/token");
        Map<String, String> authorize = received.get(0).query();
        Map<String, String> token = received.get(1).form();
        URI redirect = URI.create(authorize.get("redirect_uri"));
        assertThat(redirect.getScheme() + "://" + redirect.getHost() + redirect.getPath()).isEqualTo("http://127.0.0.1/");
        assertThat(redirect.getPort()).isPositive();
        assertThat(authorize).containsEntry("response_type", "code").containsEntry("client_id", "mailwizard-desktop")
                .containsEntry("code_challenge_method", "S256").containsEntry("login_hint", SUBJECT).containsKey("state");
        assertThat(authorize.get("scope").split(" ")).containsExactly("openid", "offline_access");
        assertThat(token).containsEntry("grant_type", "authorization_code").containsEntry("redirect_uri", redirect.toString())
                .containsEntry("client_id", "mailwizard-desktop").doesNotContainKey("client_secret");
        assertThat(CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(token.get("code_verifier"))).getValue())
                .as("the verifier sent to the token endpoint is the one whose S256 challenge went to the browser")
                .isEqualTo(authorize.get("code_challenge"));

        assertThat(page.get().status()).isEqualTo(200);
        assertThat(page.get().body()).contains("return to MailWizard").doesNotContain(token.get("code"))
                .doesNotContain(new String(tokens.accessToken()));
        assertNothingListensOn(redirect.getPort());
        tokens.wipe();
    }

    @Test
    void aForgedStateIsRefusedAndNothingGoesToTheTokenEndpoint() {
        SignInResult result = flow(url -> server.browse(url, redirect -> URI.create(redirect.toString().replaceFirst("state=[^&]+", "state=forged"))),
                SignInFlow.DEFAULT_WAIT).run();
        assertThat(result).isInstanceOf(SignInResult.Refused.class);
        assertThat(result.message()).contains("did not carry this sign-in's state").contains("nothing was sent to the token endpoint");
        assertThat(server.tokenRequests()).isEmpty();
    }

    @Test
    void anAnswerNamingAnotherIssuerIsRefused() {
        SignInResult result = flow(url -> server.browse(url, redirect -> URI.create(redirect + "&iss=https%3A%2F%2Fevil.example%2Fmailwizard")),
                SignInFlow.DEFAULT_WAIT).run();
        assertThat(result).isInstanceOf(SignInResult.Refused.class);
        assertThat(result.message()).contains("names the issuer 'https://evil.example/mailwizard'").contains("RFC 9207");
        assertThat(server.tokenRequests()).isEmpty();
    }

    @Test
    void anAnswerNamingItsOwnIssuerIsAccepted() {
        String iss = java.net.URLEncoder.encode(server.issuer(), java.nio.charset.StandardCharsets.UTF_8);
        SignInResult result = flow(url -> server.browse(url, redirect -> URI.create(redirect + "&iss=" + iss)), SignInFlow.DEFAULT_WAIT).run();
        assertThat(result).isInstanceOf(SignInResult.SignedIn.class);
        assertThat(server.tokenRequests()).hasSize(1);
    }

    @Test
    void aDeclinedSignInIsReportedInWords() {
        SignInResult result = flow(url -> server.answerWithoutServer(url, "error=access_denied&error_description=The+user+said+no"),
                SignInFlow.DEFAULT_WAIT).run();
        assertThat(result).isInstanceOf(SignInResult.Refused.class);
        assertThat(result.message()).isEqualTo("the sign-in was declined in the browser (access_denied: The user said no); nothing was signed in");
        assertThat(server.tokenRequests()).isEmpty();
    }

    @Test
    void otherRequestsToTheListenerDoNotEndTheWait() {
        AtomicReference<Integer> faviconStatus = new AtomicReference<>();
        SignInResult result = flow(url -> {
            URI redirect = URI.create(MockAuthorizationServer.parameters(url.getRawQuery()).get("redirect_uri"));
            faviconStatus.set(server.open(redirect.resolve("/favicon.ico")).status());
            server.browse(url);
        }, SignInFlow.DEFAULT_WAIT).run();
        assertThat(faviconStatus.get()).isEqualTo(404);
        assertThat(result).isInstanceOf(SignInResult.SignedIn.class);
    }

    @Test
    void theDeadlineEndsTheWaitAndClosesTheListener() throws Exception {
        AtomicReference<URI> asked = new AtomicReference<>();
        SignInResult result = flow(asked::set, Duration.ZERO).run();
        assertThat(result).isEqualTo(new SignInResult.TimedOut(Duration.ZERO));
        assertThat(new SignInResult.TimedOut(Duration.ofMinutes(5)).message())
                .isEqualTo("no answer came back from the browser within 5 min; the sign-in was stopped (start it again when ready)");
        int port = URI.create(MockAuthorizationServer.parameters(asked.get().getRawQuery()).get("redirect_uri")).getPort();
        assertNothingListensOn(port);
        assertThat(server.tokenRequests()).isEmpty();
    }

    @Test
    void cancelFromAnotherThreadEndsTheWait() throws Exception {
        CountDownLatch shown = new CountDownLatch(1);
        AtomicReference<URI> asked = new AtomicReference<>();
        SignInFlow flow = flow(url -> {
            asked.set(url);
            shown.countDown();
        }, SignInFlow.DEFAULT_WAIT);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<SignInResult> running = pool.submit(flow::run);
            assertThat(shown.await(30, TimeUnit.SECONDS)).isTrue();
            flow.cancel();
            assertThat(running.get(30, TimeUnit.SECONDS)).isInstanceOf(SignInResult.Cancelled.class);
        } finally {
            pool.shutdownNow();
        }
        assertNothingListensOn(URI.create(MockAuthorizationServer.parameters(asked.get().getRawQuery()).get("redirect_uri")).getPort());
    }

    @Test
    void anInterruptedWaitIsACancel() throws Exception {
        CompletableFuture<Thread> waiting = new CompletableFuture<>();
        SignInFlow flow = flow(url -> waiting.complete(Thread.currentThread()), SignInFlow.DEFAULT_WAIT);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<SignInResult> running = pool.submit(flow::run);
            waiting.get(30, TimeUnit.SECONDS).interrupt();
            assertThat(running.get(30, TimeUnit.SECONDS)).isInstanceOf(SignInResult.Cancelled.class);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSignInCancelledBeforeItStartsOpensNothing() {
        AtomicReference<URI> asked = new AtomicReference<>();
        SignInFlow flow = flow(asked::set, SignInFlow.DEFAULT_WAIT);
        flow.cancel();
        assertThat(flow.run()).isInstanceOf(SignInResult.Cancelled.class);
        assertThat(asked.get()).as("no browser opened").isNull();
    }

    @Test
    void aTokenEndpointWhoseCertificateIsNotTrustedGetsNoCode() {
        OAuth2Client client = server.client("mailwizard-desktop", null);
        server.received();
        SignInResult result = new SignInFlow(client, TokenEndpoint.of(client, List.of()), server::browse, SignInFlow.DEFAULT_WAIT, null).run();
        assertThat(result).isInstanceOf(SignInResult.Failed.class);
        assertThat(result.message()).startsWith("the token endpoint localhost could not be verified over TLS").endsWith("add it with --trust-ca");
        assertThat(server.tokenRequests()).isEmpty();
    }

    @Test
    void aTokenEndpointReachedByAnotherNameThanItsCertificateGetsNoCode() {
        OAuth2Client named = server.client("mailwizard-desktop", null);
        URI byAddress = URI.create(named.tokenEndpoint().toString().replace("//localhost:", "//127.0.0.1:"));
        OAuth2Client client = new OAuth2Client(named.issuer(), named.clientId(), null, named.authorizationEndpoint(), byAddress, named.scopes());
        server.received();
        SignInResult result = new SignInFlow(client, TokenEndpoint.of(client, List.of(ca.caCertificate())), server::browse,
                SignInFlow.DEFAULT_WAIT, null).run();
        assertThat(result).isInstanceOf(SignInResult.Failed.class);
        assertThat(result.message()).startsWith("the token endpoint 127.0.0.1 could not be verified over TLS");
        assertThat(server.tokenRequests()).isEmpty();
    }

    @Test
    void aTokenEndpointMustBeHttps() {
        assertThatThrownBy(() -> new TokenEndpoint(URI.create("http://localhost/token"), "id", null, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not an https URL");
    }

    static void assertNothingListensOn(int port) {
        assertThatThrownBy(() -> {
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.getInputStream();
            }
        }).as("port %d is closed", port).isInstanceOf(ConnectException.class);
    }
}
