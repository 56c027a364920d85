package dev.mailwizard.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.mailwizard.demo.DemoPki;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh access token from a remembered refresh token, against the real authorization server:
 * the refresh grant it received, rotation kept, a revoked token refused, nothing stored, no server.
 */
class TokenRefresherTest {
    static DemoPki ca;
    static MockAuthorizationServer server;
    static MockAuthorizationServer rotating;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        ca = DemoPki.newAuthority("Refresh Test CA");
        server = MockAuthorizationServer.start(ca, "mailwizard", SignInFlowTest.SUBJECT, false);
        rotating = MockAuthorizationServer.start(ca, "rotating", SignInFlowTest.SUBJECT, true);
    }

    @AfterAll
    static void stop() {
        server.close();
        rotating.close();
    }

    /** Signs in through the browser step and remembers the grant, as --oauth2-remember does. */
    private static StoredGrant signIn(MockAuthorizationServer as, TokenStore store, String clientSecret) throws Exception {
        OAuth2Client client = as.client("mailwizard-desktop", clientSecret);
        SignInResult result = new SignInFlow(client, TokenEndpoint.of(client, List.of(ca.caCertificate())), as::browse, SignInFlow.DEFAULT_WAIT, null).run();
        Tokens tokens = ((SignInResult.SignedIn) result).tokens();
        StoredGrant grant = StoredGrant.of(client, tokens).orElseThrow();
        store.save(SignInFlowTest.SUBJECT, grant);
        tokens.wipe();
        as.received();
        return grant;
    }

    private RegistrationsFile registrations(String json) throws Exception {
        return RegistrationsFile.read(Files.writeString(dir.resolve("oauth2.json"), json));
    }

    @Test
    void theStoredRefreshTokenGivesAFreshAccessToken() throws Exception {
        MemoryTokenStore store = new MemoryTokenStore();
        StoredGrant grant = signIn(server, store, null);
        FreshToken fresh = new TokenRefresher(store, RegistrationsFile.readIfPresent(dir.resolve("none.json")), List.of(ca.caCertificate()))
                .fresh(SignInFlowTest.SUBJECT);
        assertThat(fresh).isInstanceOf(FreshToken.Issued.class);
        FreshToken.Issued issued = (FreshToken.Issued) fresh;
        assertThat(SignedJWT.parse(new String(issued.accessToken())).getJWTClaimsSet().getSubject()).isEqualTo(SignInFlowTest.SUBJECT);
        assertThat(issued.warning()).isNull();
        assertThat(server.tokenRequests()).singleElement().satisfies(r -> assertThat(r.form())
                .containsEntry("grant_type", "refresh_token").containsEntry("refresh_token", grant.refreshToken())
                .containsEntry("client_id", "mailwizard-desktop"));
        assertThat(store.load(SignInFlowTest.SUBJECT)).contains(grant);
    }

    @Test
    void aRotatedRefreshTokenReplacesTheStoredOne() throws Exception {
        MemoryTokenStore store = new MemoryTokenStore();
        StoredGrant before = signIn(rotating, store, null);
        TokenRefresher refresher = new TokenRefresher(store, RegistrationsFile.readIfPresent(dir.resolve("none.json")), List.of(ca.caCertificate()));
        assertThat(refresher.fresh(SignInFlowTest.SUBJECT)).isInstanceOf(FreshToken.Issued.class);
        StoredGrant after = store.load(SignInFlowTest.SUBJECT).orElseThrow();
        assertThat(after.refreshToken()).isNotEqualTo(before.refreshToken());
        assertThat(after.withRefreshToken(before.refreshToken())).isEqualTo(before);
        assertThat(refresher.fresh(SignInFlowTest.SUBJECT)).as("the new one works in turn").isInstanceOf(FreshToken.Issued.class);
    }

    @Test
    void aRotatedTokenThatCannotBeStoredStillGivesTheAccessTokenWithAWarning() throws Exception {
        MemoryTokenStore signedIn = new MemoryTokenStore();
        StoredGrant grant = signIn(rotating, signedIn, null);
        TokenStore readOnly = new TokenStore() {
            @Override
            public java.util.Optional<StoredGrant> load(String address) {
                return java.util.Optional.of(grant);
            }

            @Override
            public void save(String address, StoredGrant g) throws TokenStoreException {
                throw new TokenStoreException("the OS keyring did not store it (Prompt dismissed); is it locked?");
            }

            @Override
            public boolean delete(String address) {
                return false;
            }
        };
        FreshToken fresh = new TokenRefresher(readOnly, RegistrationsFile.readIfPresent(dir.resolve("none.json")), List.of(ca.caCertificate()))
                .fresh(SignInFlowTest.SUBJECT);
        assertThat(fresh).isInstanceOf(FreshToken.Issued.class);
        assertThat(((FreshToken.Issued) fresh).warning()).isEqualTo("the authorization server replaced the refresh token but the OS keyring"
                + " did not store it (Prompt dismissed); is it locked?; the next refresh may be refused: then sign in again with mailwizard probe "
                + SignInFlowTest.SUBJECT + " --oauth2 --oauth2-remember");
    }

    @Test
    void theClientSecretComesFromTheRegistrationsFileNotTheStore() throws Exception {
        MemoryTokenStore store = new MemoryTokenStore();
        signIn(server, store, "GOCSPX-desktop-secret");
        RegistrationsFile file = registrations("{\"registrations\": [" + server.registrationJson("mailwizard-desktop", List.of("example.test"))
                .replace("\"clientId\"", "\"clientSecret\": \"GOCSPX-desktop-secret\", \"clientId\"") + "]}");
        assertThat(new TokenRefresher(store, file, List.of(ca.caCertificate())).fresh(SignInFlowTest.SUBJECT)).isInstanceOf(FreshToken.Issued.class);
        assertThat(server.tokenRequests()).singleElement().satisfies(r -> assertThat(r.form())
                .containsEntry("client_secret", "GOCSPX-desktop-secret").containsEntry("grant_type", "refresh_token"));
    }

    @Test
    void aRevokedRefreshTokenIsRefused() {
        MemoryTokenStore store = new MemoryTokenStore();
        store.save("alice@example.test", new StoredGrant(server.issuer(), server.tokenEndpoint(), "mailwizard-desktop", List.of("openid"), "revoked-or-expired"));
        FreshToken fresh = new TokenRefresher(store, RegistrationsFile.readIfPresent(dir.resolve("none.json")), List.of(ca.caCertificate()))
                .fresh("alice@example.test");
        assertThat(fresh).isInstanceOf(FreshToken.Refused.class);
        assertThat(((FreshToken.Refused) fresh).message()).startsWith("the authorization server refused: invalid_grant")
                .endsWith("; sign in again with mailwizard probe alice@example.test --oauth2 --oauth2-remember");
    }

    @Test
    void nothingStoredIsSaid() {
        FreshToken fresh = new TokenRefresher(new MemoryTokenStore(), RegistrationsFile.readIfPresent(dir.resolve("none.json")), List.of())
                .fresh("alice@example.test");
        assertThat(fresh).isEqualTo(new FreshToken.NothingStored("no sign-in is remembered for alice@example.test (or the keyring is locked):"
                + " sign in once with mailwizard probe alice@example.test --oauth2 --oauth2-remember"));
    }

    @Test
    void anUnreachableTokenEndpointFails() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        MemoryTokenStore store = new MemoryTokenStore();
        store.save("alice@example.test", new StoredGrant("localhost", URI.create("https://localhost:" + closed + "/token"), "c", List.of(), "r"));
        FreshToken fresh = new TokenRefresher(store, RegistrationsFile.readIfPresent(dir.resolve("none.json")), List.of()).fresh("alice@example.test");
        assertThat(fresh).isInstanceOf(FreshToken.Failed.class);
        assertThat(((FreshToken.Failed) fresh).message()).startsWith("cannot reach the token endpoint localhost: ConnectException");
    }

    @Test
    void aKeyringThatCannotBeReadFails() {
        KeyringTokenStore store = new KeyringTokenStore(TokenStoreTest.failing(new com.github.javakeyring.BackendNotSupportedException("none")));
        FreshToken fresh = new TokenRefresher(store, RegistrationsFile.readIfPresent(dir.resolve("none.json")), List.of()).fresh("alice@example.test");
        assertThat(fresh).isEqualTo(new FreshToken.Failed(KeyringTokenStore.NO_KEYRING));
    }
}
