package dev.mailwizard.mta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailwizard.mta.MtaAuthorizationServer.Introspection;
import dev.mailwizard.probe.TestTokens;
import dev.mailwizard.signin.MockAuthorizationServer.Page;
import dev.mailwizard.signin.MockAuthorizationServer.Received;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 14 end to end, from the command line to the real servers: {@code mailwizard probe --oauth2}
 * signs in at the authorization server that the real Dovecot asks about every token
 * ({@link MtaAuthorizationServer}; the browser is an HTTP client that follows the authorization URL
 * and posts the server's login form), then logs in to Postfix (through Dovecot's SASL) and to
 * Dovecot's IMAP and POP3 with the token. What the servers logged and what the authorization server
 * received is checked, and that no piece of the token is in anything MailWizard printed.
 */
@Tag("real-mta")
class RealOAuth2ProbeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    // The replies of Postfix 3.7 and Dovecot 2.3.19 to a refused token, as the report shows them: the
    // error challenge decoded, lines joined with " / " (IMAP's tag and NO, and POP3's challenge, are
    // not in what Jakarta Mail hands over).
    private static final String ERROR_CHALLENGE = "{\"status\":\"401\",\"schemes\":\"bearer\",\"scope\":\"mail\"}";
    private static final String SMTP_REFUSAL = "334 " + ERROR_CHALLENGE + " / 535 5.7.8 Error: authentication failed: (reason unavailable)";
    private static final String IMAP_REFUSAL = "+ " + ERROR_CHALLENGE + " / [AUTHENTICATIONFAILED] Authentication failed.";
    private static final String POP3_REFUSAL = "-ERR [AUTH] Authentication failed.";

    private static Map<String, String> env;
    private static SSLContext tls;
    private static MtaAuthorizationServer issuer;
    private static String user;
    private static String host;

    @TempDir
    Path dir;

    @BeforeAll
    static void startAuthorizationServer() throws Exception {
        env = MtaEnvironment.load();
        user = env.get("MTA_USER");
        host = env.get("MTA_HOST");
        tls = MtaTrust.context(env);
        issuer = MtaAuthorizationServer.start(env, tls);
    }

    @AfterAll
    static void stopAuthorizationServer() {
        if (issuer != null) {
            issuer.close();
        }
    }

    @BeforeEach
    void forgetEarlierRequests() {
        issuer.server().received();
    }

    private List<String> probe(String... options) {
        List<String> args = new ArrayList<>(List.of("probe", user, "--host", host, "--resolve", host + ":127.0.0.1", "--trust-ca", env.get("MTA_CA"),
                "--json", "--transcript", "--timeout", "20"));
        args.addAll(List.of(options));
        return args;
    }

    @Test
    void signingInInTheBrowserEndsInOneXoauth2LoginPerServiceAndNoPieceOfTheTokenInTheOutput() throws Exception {
        Path registrations = Files.writeString(dir.resolve("oauth2.json"), issuer.registrationsFile("mailwizard-e2e", host));
        ServerLog dovecot = ServerLog.from(Path.of(env.get("MTA_DOVECOT_LOG")));
        ServerLog postfix = ServerLog.from(Path.of(env.get("MTA_POSTFIX_LOG")));
        AtomicReference<Page> callback = new AtomicReference<>();

        InProcessCli.Result r = InProcessCli.run("", url -> callback.set(issuer.server().signIn(url, user)),
                probe("--oauth2", "--oauth2-config", registrations.toString(), "--incoming", "--send-test", env.get("MTA_RCPT")));

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(callback.get().status()).isEqualTo(200);
        assertThat(callback.get().body()).contains("return to MailWizard");
        assertThat(r.err()).contains("mailwizard probe: signed in with " + issuer.issuer() + "; the servers get the access token");
        JsonNode report = JSON.readTree(r.out());
        assertThat(attemptedLogins(report)).extracting(p -> p.get("protocol").asText(), p -> p.get("port").asInt(),
                        p -> p.at("/login/method").asText(), p -> p.at("/login/mechanism").asText(), p -> p.at("/login/result").asText())
                .containsExactlyInAnyOrder(tuple("SMTP", 465, "oauth2", "XOAUTH2", "OK"), tuple("IMAP", 993, "oauth2", "XOAUTH2", "OK"),
                        tuple("POP3", 995, "oauth2", "XOAUTH2", "OK"));
        for (String[] service : new String[][]{{"SMTP", "465"}, {"SMTP", "587"}, {"IMAP", "993"}, {"IMAP", "143"}, {"POP3", "995"}, {"POP3", "110"}}) {
            assertThat(probeAt(report, service[0], Integer.parseInt(service[1])).get("outcome").asText()).as("%s %s", (Object[]) service).isEqualTo("OK");
        }
        assertThat(probeAt(report, "SMTP", 465).get("authMechanisms").toString()).as("Postfix offers both").contains("XOAUTH2").contains("OAUTHBEARER");
        assertThat(probeAt(report, "SMTP", 465).get("transcript").toString()).contains("C: AUTH XOAUTH2 <redacted>");
        assertThat(probeAt(report, "SMTP", 465).at("/testMessage/accepted").asBoolean()).as("the test message, sent after the token login").isTrue();
        assertThat(report.at("/recommended/port").asInt()).isEqualTo(465);
        assertThat(report.at("/recommended/authMethod").asText()).isEqualTo("oauth2");
        assertThat(report.at("/recommended/authMechanism").asText()).isEqualTo("XOAUTH2");
        assertThat(report.at("/recommendedIncoming/port").asInt()).isEqualTo(993);
        assertThat(report.at("/recommendedIncoming/authMethod").asText()).isEqualTo("oauth2");

        // The authorization server: the login page, one code exchange with PKCE, then one introspection per login.
        List<Received> received = issuer.server().received();
        assertThat(received).extracting(Received::method, Received::path).containsExactly(
                tuple("GET", "/mailwizard/authorize"), tuple("POST", "/mailwizard/authorize"), tuple("POST", "/mailwizard/token"),
                tuple("POST", "/mailwizard/introspect"), tuple("POST", "/mailwizard/introspect"), tuple("POST", "/mailwizard/introspect"));
        Map<String, String> authorize = received.get(0).query();
        assertThat(authorize).containsEntry("client_id", "mailwizard-e2e").containsEntry("code_challenge_method", "S256")
                .containsEntry("login_hint", user).containsEntry("response_type", "code");
        assertThat(URI.create(authorize.get("redirect_uri")).getHost()).isEqualTo("127.0.0.1");
        assertThat(received.get(1).form()).containsEntry("username", user);
        assertThat(received.get(2).form()).containsEntry("grant_type", "authorization_code").containsKey("code_verifier")
                .containsEntry("redirect_uri", authorize.get("redirect_uri"));
        List<Introspection> introspections = MtaAuthorizationServer.introspections(received);
        String token = introspections.get(0).token();
        assertThat(introspections).extracting(Introspection::token).containsOnly(token);
        assertThat(token.length()).as("the mock server's access token").isBetween(600, 1000);

        // The servers: one XOAUTH2 login each. Dovecot logs the IMAP and POP3 logins; Postfix the SMTP one
        // (Dovecot's SASL answered it, and logs only failures), with its mechanism on the test message.
        assertThat(dovecot.await(login("imap-login"), 1)).hasSize(1);
        assertThat(dovecot.await(login("pop3-login"), 1)).hasSize(1);
        assertThat(postfix.await(l -> l.contains("postfix/smtps/smtpd[") && l.contains("sasl_method=XOAUTH2, sasl_username=" + user), 1)).hasSize(1);
        assertThat(postfix.await(l -> l.contains("disconnect from") && l.contains(" auth="), 1)).as("one SMTP AUTH in all").singleElement()
                .asString().contains("postfix/smtps/smtpd[").contains(" auth=1 ");
        assertThat(dovecot.since(l -> l.contains("Login: user=<"))).as("no other Dovecot login").hasSize(2);

        for (String piece : TestTokens.pieces(token)) {
            assertThat(r.out()).doesNotContain(piece);
            assertThat(r.err()).doesNotContain(piece);
        }
    }

    @Test
    void aTokenTooLongForPostfixsAuthLineGoesAfterThe334AndLogsInEverywhere() throws Exception {
        // Microsoft's tokens run to 2,500 characters; Postfix reads 2048 characters of an AUTH line (ADR 0014).
        String token = issuer.accessToken(user, Map.of("groups", "x".repeat(1500)));
        assertThat(token.length()).isBetween(2500, 3000);
        ServerLog postfix = ServerLog.from(Path.of(env.get("MTA_POSTFIX_LOG")));

        InProcessCli.Result r = InProcessCli.run(token + "\n", null, probe("--oauth2-token-stdin", "--incoming"));

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(attemptedLogins(JSON.readTree(r.out()))).extracting(p -> p.get("protocol").asText(), p -> p.at("/login/mechanism").asText(),
                p -> p.at("/login/result").asText()).containsExactlyInAnyOrder(tuple("SMTP", "XOAUTH2", "OK"), tuple("IMAP", "XOAUTH2", "OK"),
                tuple("POP3", "XOAUTH2", "OK"));
        assertThat(postfix.await(l -> l.contains("postfix/smtps/smtpd[") && l.contains("disconnect from") && l.contains(" auth=1 "), 1)).hasSize(1);
        assertThat(postfix.since(l -> l.contains("request longer than"))).isEmpty();
        assertThat(MtaAuthorizationServer.introspections(issuer.server().received())).extracting(Introspection::token).containsExactly(token, token, token);
    }

    enum Services {
        ALL("--incoming"), SMTP("--port", "465", "--port", "587"), IMAP("--port", "imap:993", "--port", "imap:143"), POP3("--port", "pop3:995", "--port", "pop3:110");

        final String[] options;

        Services(String... options) {
            this.options = options;
        }
    }

    static Stream<Arguments> expiredTokenRuns() {
        return Stream.of(Arguments.of(Services.ALL), Arguments.of(Services.SMTP), Arguments.of(Services.IMAP), Arguments.of(Services.POP3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expiredTokenRuns")
    void anExpiredTokenIsTokenRejectedWithExit3AndTheServersOwnReplyAfterOneAuth(Services services) throws Exception {
        try {
            String token = issuer.expiredToken(user);
            ServerLog dovecot = ServerLog.from(Path.of(env.get("MTA_DOVECOT_LOG")));
            List<String> args = probe("--oauth2-token-stdin");
            args.addAll(List.of(services.options));
            InProcessCli.Result r = InProcessCli.run(token + "\n", null, args);

            assertThat(r.exit()).as(r.toString()).isEqualTo(3);
            JsonNode report = JSON.readTree(r.out());
            // One AUTH in all: SMTP, IMAP and POP3 of one address share the account, and a refusal stops the rest.
            List<JsonNode> attempted = attemptedLogins(report);
            assertThat(attempted).hasSize(1);
            JsonNode refused = attempted.get(0);
            String protocol = refused.get("protocol").asText();
            if (services != Services.ALL) {
                assertThat(protocol).isEqualTo(services.name());
            }
            assertThat(refused.get("outcome").asText()).isEqualTo("LOGIN_REJECTED");
            assertThat(refused.at("/login/method").asText()).isEqualTo("oauth2");
            assertThat(refused.at("/login/mechanism").asText()).isEqualTo("XOAUTH2");
            assertThat(refused.at("/login/diagnosis").asText()).isEqualTo("TOKEN_REJECTED");
            assertThat(refused.at("/login/reply").asText()).isEqualTo(switch (protocol) {
                case "SMTP" -> SMTP_REFUSAL;
                case "IMAP" -> IMAP_REFUSAL;
                default -> POP3_REFUSAL;
            });
            for (JsonNode p : report.get("probes")) {
                if (p != refused && p.at("/login/detail").asText().contains("already")) {
                    assertThat(p.at("/login/detail").asText()).startsWith("not tried: the sign-in token was already rejected at");
                }
            }
            assertThat(MtaAuthorizationServer.introspections(issuer.server().received())).extracting(Introspection::token).containsExactly(token);
            assertThat(dovecot.await(l -> l.contains("auth: Info: oauth2(" + user + ",127.0.0.1")
                    && l.contains("oauth2 failed: Introspection failed: Provided token is not valid"), 1)).hasSize(1);
            for (String piece : TestTokens.pieces(token)) {
                assertThat(r.out()).doesNotContain(piece);
                assertThat(r.err()).doesNotContain(piece);
            }
        } finally {
            TokenLoginDialogue.clearDovecotsAuthPenalty(host, tls, user, issuer.accessToken(user));
        }
    }

    private static List<JsonNode> attemptedLogins(JsonNode report) {
        return StreamSupport.stream(report.get("probes").spliterator(), false).filter(p -> p.at("/login/attempted").asBoolean()).toList();
    }

    private static JsonNode probeAt(JsonNode report, String protocol, int port) {
        return StreamSupport.stream(report.get("probes").spliterator(), false)
                .filter(p -> p.get("protocol").asText().equals(protocol) && p.get("port").asInt() == port).findFirst()
                .orElseThrow(() -> new AssertionError("no probe of " + protocol + " " + port));
    }

    private static Predicate<String> login(String loginService) {
        return l -> l.contains(loginService + ": Info: Login: user=<" + user + ">, method=XOAUTH2,");
    }
}
