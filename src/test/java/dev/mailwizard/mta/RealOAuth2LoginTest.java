package dev.mailwizard.mta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwizard.mta.MtaAuthorizationServer.Introspection;
import dev.mailwizard.mta.TokenLoginDialogue.Service;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.stream.Stream;
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
 * Bearer-token logins against the real Dovecot (IMAP, POP3) and Postfix (submission, through
 * Dovecot's SASL) of {@code .ci/mta-setup}, with tokens from a real authorization server
 * ({@link MtaAuthorizationServer}) that Dovecot asks about each token. curl proves OAUTHBEARER on
 * every service (curl 7.88 picks OAUTHBEARER whenever offered, whatever {@code AUTH=} says), Jakarta
 * Mail proves XOAUTH2, a hand-driven dialogue records the servers' exact refusals. Every login is
 * counted in the servers' own logs, and every token in the authorization server's requests.
 */
@Tag("real-mta")
class RealOAuth2LoginTest {
    // What Dovecot 2.3.19 sends as the error challenge, decoded.
    private static final String XOAUTH2_ERROR = "{\"status\":\"401\",\"schemes\":\"bearer\",\"scope\":\"mail\"}";
    private static final String OAUTHBEARER_ERROR = "{\"status\":\"invalid_token\"}";
    private static final String NOT_VALID = "Provided token is not valid";

    private static Map<String, String> env;
    private static SSLContext tls;
    private static MtaAuthorizationServer issuer;
    private static String user;
    private static String host;

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
    void forgetEarlierRequests() throws InterruptedException {
        issuer.introspections();
    }

    static Stream<Arguments> curlServices() {
        return Stream.of(Arguments.of("imaps", 993), Arguments.of("pop3s", 995), Arguments.of("smtps", 465), Arguments.of("smtp", 587));
    }

    @ParameterizedTest(name = "curl {0} on {1}")
    @MethodSource("curlServices")
    void curlLogsInWithOauthbearerOnceAndDovecotAskedTheIssuerOnce(String scheme, int port, @TempDir Path work) throws Exception {
        String token = issuer.accessToken(user);
        ServerLog dovecot = ServerLog.from(Path.of(env.get("MTA_DOVECOT_LOG")));
        ServerLog postfix = ServerLog.from(Path.of(env.get("MTA_POSTFIX_LOG")));
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-K", "-", "--cacert", env.get("MTA_CA"),
                "--resolve", host + ":" + port + ":127.0.0.1", "--user", user));
        boolean smtp = scheme.startsWith("smtp");
        if (smtp) {
            Path message = work.resolve("message.eml");
            Files.writeString(message, "From: " + user + "\r\nTo: " + env.get("MTA_RCPT") + "\r\nSubject: OAUTHBEARER by curl on " + port + "\r\n\r\nhello\r\n");
            command.addAll(List.of("--ssl-reqd", "--mail-from", user, "--mail-rcpt", env.get("MTA_RCPT"), "--upload-file", message.toString()));
        }
        command.add(scheme + "://" + host + ":" + port + "/");
        // The token goes in on stdin (curl's config syntax), never on a command line.
        ExternalProgram.Result r = ExternalProgram.run(command, Map.of(), "oauth2-bearer = \"" + token + "\"\n", work);

        assertThat(r.exit()).as("curl: %s", r.err()).isZero();
        if (smtp) {
            String syslogName = port == 465 ? "smtps" : "submission";
            assertThat(postfix.await(l -> l.contains("postfix/" + syslogName + "/smtpd[") && l.contains("sasl_method=OAUTHBEARER, sasl_username=" + user), 1))
                    .hasSize(1);
        } else {
            assertThat(dovecot.await(successfulLogin(scheme.replace("s", "") + "-login", "OAUTHBEARER"), 1)).hasSize(1);
        }
        assertThat(issuer.introspections()).singleElement().satisfies(asked -> {
            assertThat(asked.method()).isEqualTo("POST");
            assertThat(asked.authorization()).startsWith("Basic ");
            assertThat(asked.token()).isEqualTo(token);
        });
    }

    static Stream<Arguments> stores() {
        return Stream.of(Arguments.of("imaps", 993, "imap-login"), Arguments.of("pop3s", 995, "pop3-login"));
    }

    @ParameterizedTest(name = "Jakarta Mail {0}")
    @MethodSource("stores")
    void jakartaMailOpensTheInboxWithXoauth2(String protocol, int port, String loginService) throws Exception {
        String token = issuer.accessToken(user);
        ServerLog dovecot = ServerLog.from(Path.of(env.get("MTA_DOVECOT_LOG")));
        Properties props = tlsProperties(protocol);
        props.put("mail." + protocol + ".auth.mechanisms", "XOAUTH2");
        try (Store store = Session.getInstance(props).getStore(protocol)) {
            store.connect(host, port, user, token);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            inbox.close();
        }
        assertThat(dovecot.await(successfulLogin(loginService, "XOAUTH2"), 1)).hasSize(1);
        assertThat(issuer.introspections()).extracting(Introspection::token).containsExactly(token);
    }

    @Test
    void jakartaMailSendsThroughPostfixWithXoauth2() throws Exception {
        String token = issuer.accessToken(user);
        ServerLog postfix = ServerLog.from(Path.of(env.get("MTA_POSTFIX_LOG")));
        Properties props = tlsProperties("smtps");
        props.put("mail.smtps.auth", "true");
        props.put("mail.smtps.auth.mechanisms", "XOAUTH2");
        Session session = Session.getInstance(props);
        try (Transport transport = session.getTransport("smtps")) {
            transport.connect(host, 465, user, token);
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress(user));
            m.setRecipients(Message.RecipientType.TO, env.get("MTA_RCPT"));
            m.setSubject("XOAUTH2 by Jakarta Mail");
            m.setText("hello");
            transport.sendMessage(m, m.getAllRecipients());
        }
        assertThat(postfix.await(l -> l.contains("postfix/smtps/smtpd[") && l.contains("sasl_method=XOAUTH2, sasl_username=" + user), 1)).hasSize(1);
        assertThat(issuer.introspections()).extracting(Introspection::token).containsExactly(token);
    }

    @Test
    void aPasswordLoginNeverReachesTheAuthorizationServer() throws Exception {
        Properties props = tlsProperties("imaps");
        props.put("mail.imaps.auth.mechanisms", "PLAIN");
        try (Store store = Session.getInstance(props).getStore("imaps")) {
            store.connect(host, 993, user, env.get("MTA_PASSWORD"));
        }
        assertThat(issuer.introspections()).isEmpty();
    }

    enum BadToken { EXPIRED, OTHER_ACCOUNT, NOT_A_TOKEN }

    static Stream<Arguments> refusals() {
        String failedImap = "a NO [AUTHENTICATIONFAILED] Authentication failed.";
        String failedSmtp = "535 5.7.8 Error: authentication failed: (reason unavailable)";
        String otherAccount = "Username '" + user + "' did not match 'bob@mailwizard.test'";
        return Stream.of(
                Arguments.of(Service.IMAPS, "XOAUTH2", BadToken.EXPIRED, List.of("+ " + base64(XOAUTH2_ERROR), failedImap), NOT_VALID),
                Arguments.of(Service.IMAPS, "OAUTHBEARER", BadToken.EXPIRED, List.of("+ " + base64(OAUTHBEARER_ERROR), failedImap), NOT_VALID),
                Arguments.of(Service.IMAPS, "XOAUTH2", BadToken.OTHER_ACCOUNT, List.of("+ " + base64(XOAUTH2_ERROR), failedImap), otherAccount),
                Arguments.of(Service.IMAPS, "OAUTHBEARER", BadToken.NOT_A_TOKEN, List.of("+ " + base64(OAUTHBEARER_ERROR), failedImap), NOT_VALID),
                Arguments.of(Service.POP3S, "XOAUTH2", BadToken.EXPIRED, List.of("+ " + base64(XOAUTH2_ERROR), "-ERR [AUTH] Authentication failed."), NOT_VALID),
                Arguments.of(Service.SUBMISSION_STARTTLS, "XOAUTH2", BadToken.EXPIRED, List.of("334 " + base64(XOAUTH2_ERROR), failedSmtp), NOT_VALID),
                Arguments.of(Service.SMTPS, "OAUTHBEARER", BadToken.EXPIRED, List.of("334 " + base64(OAUTHBEARER_ERROR), failedSmtp), NOT_VALID));
    }

    @ParameterizedTest(name = "{0} {1} with a token that is {2}")
    @MethodSource("refusals")
    void aBadTokenIsRefusedWithTheseExactReplies(Service service, String mechanism, BadToken bad, List<String> replies, String dovecotReason) throws Exception {
        String token = switch (bad) {
            case EXPIRED -> issuer.expiredToken(user);
            case OTHER_ACCOUNT -> issuer.accessToken("bob@mailwizard.test");
            case NOT_A_TOKEN -> "not-a-token";
        };
        ServerLog dovecot = ServerLog.from(Path.of(env.get("MTA_DOVECOT_LOG")));
        List<String> answered;
        try (TokenLoginDialogue d = TokenLoginDialogue.open(service, host, tls)) {
            answered = d.authenticate(mechanism, initialResponse(mechanism, service.port, token), true);
        }
        assertThat(answered).isEqualTo(replies);
        assertThat(dovecot.await(l -> l.contains("auth: Info: oauth2(" + user + ",127.0.0.1") && l.contains("oauth2 failed: Introspection failed: " + dovecotReason), 1))
                .hasSize(1);
        assertThat(issuer.introspections()).extracting(Introspection::token).containsExactly(token);
        clearDovecotsAuthPenalty();
    }

    @Test
    void aThreeKilobyteTokenPassesDovecotButNotInsidePostfixsAuthLine() throws Exception {
        String token = issuer.accessToken(user, Map.of("groups", "x".repeat(1500)));
        String initialResponse = TokenLoginDialogue.xoauth2(user, token);
        assertThat(token.length()).as("token length").isBetween(2500, 3000);
        assertThat(("AUTH XOAUTH2 " + initialResponse).length()).as("AUTH line").isGreaterThan(2048);

        // Jakarta Mail puts the initial response on the AUTH line; Postfix reads 2048 characters of it.
        ServerLog postfix = ServerLog.from(Path.of(env.get("MTA_POSTFIX_LOG")));
        Properties props = tlsProperties("smtp");
        props.put("mail.smtp.auth", "true");
        props.put("mail.smtp.auth.mechanisms", "XOAUTH2");
        props.put("mail.smtp.starttls.enable", "true");
        props.put("mail.smtp.starttls.required", "true");
        try (Transport transport = Session.getInstance(props).getTransport("smtp")) {
            assertThatThrownBy(() -> transport.connect(host, 587, user, token)).isInstanceOf(AuthenticationFailedException.class)
                    .hasMessageContaining("535 5.7.8 Error: authentication failed: Invalid base64 data in initial response");
        }
        assertThat(postfix.await(l -> l.contains("request longer than 2048: AUTH XOAUTH2"), 1)).hasSize(1);

        // The same response after Postfix's 334 is within smtpd_sasl_response_limit (12288).
        try (TokenLoginDialogue d = TokenLoginDialogue.open(Service.SUBMISSION_STARTTLS, host, tls)) {
            assertThat(d.authenticate("XOAUTH2", initialResponse, false)).containsExactly("334 ", "235 2.7.0 Authentication successful");
        }
        // Dovecot takes up to 8 KB of Base64 (its login buffer), inline too.
        ServerLog dovecot = ServerLog.from(Path.of(env.get("MTA_DOVECOT_LOG")));
        Properties imap = tlsProperties("imaps");
        imap.put("mail.imaps.auth.mechanisms", "XOAUTH2");
        try (Store store = Session.getInstance(imap).getStore("imaps")) {
            store.connect(host, 993, user, token);
        }
        assertThat(dovecot.await(successfulLogin("imap-login", "XOAUTH2"), 1)).hasSize(1);
    }

    private static void clearDovecotsAuthPenalty() throws Exception {
        TokenLoginDialogue.clearDovecotsAuthPenalty(host, tls, user, issuer.accessToken(user));
    }

    private static String initialResponse(String mechanism, int port, String token) {
        return mechanism.equals("XOAUTH2") ? TokenLoginDialogue.xoauth2(user, token) : TokenLoginDialogue.oauthBearer(user, host, port, token);
    }

    private static Predicate<String> successfulLogin(String loginService, String mechanism) {
        return l -> l.contains(loginService + ": Info: Login: user=<" + user + ">, method=" + mechanism + ",");
    }

    /** TLS only with the test CA, the server's name checked. */
    private static Properties tlsProperties(String protocol) {
        Properties props = new Properties();
        props.put("mail." + protocol + ".ssl.socketFactory", tls.getSocketFactory());
        props.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        props.put("mail." + protocol + ".connectiontimeout", "10000");
        props.put("mail." + protocol + ".timeout", "30000");
        return props;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
