package dev.mailwizard.mta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailwizard.mta.MtaAuthorizationServer.Introspection;
import dev.mailwizard.probe.TestTokens;
import dev.mailwizard.signin.KeyringTokenStore;
import dev.mailwizard.signin.MockAuthorizationServer.Received;
import dev.mailwizard.signin.StoredGrant;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remembered sign-in in the hands of a real mail program: {@code probe --oauth2
 * --oauth2-remember} keeps the refresh token in the OS keyring (gnome-keyring on the private
 * session bus of {@code .ci/with-keyring}), {@code export --format msmtp} writes the msmtp file,
 * and real msmtp sends through Postfix's submission port with XOAUTH2, its {@code passwordeval}
 * running a real {@code mailwizard oauth2 token ADDRESS} that trades the refresh token for a fresh
 * access token. The real-mta tests run before {@code package}, so {@code mailwizard} on msmtp's PATH
 * is a wrapper that starts this build's classes ({@code java -cp <the test JVM's class path>
 * dev.mailwizard.Launcher}) on a machine that trusts the test CA (its JVM trust store holds it, as
 * a real provider's token endpoint is trusted through the system's CAs).
 */
@Tag("real-mta")
class RealOAuth2MsmtpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT_ID = "mailwizard-msmtp-e2e";

    private static Map<String, String> env;
    private static MtaAuthorizationServer issuer;
    private static String user;
    private static String host;

    @TempDir
    Path work;

    @BeforeAll
    static void startAuthorizationServer() throws Exception {
        assertThat(System.getenv("DBUS_SESSION_BUS_ADDRESS")).as("no D-Bus session: run the tests through .ci/with-keyring").isNotBlank();
        env = MtaEnvironment.load();
        user = env.get("MTA_USER");
        host = env.get("MTA_HOST");
        SSLContext tls = MtaTrust.context(env);
        issuer = MtaAuthorizationServer.start(env, tls);
    }

    @AfterAll
    static void stopAuthorizationServer() {
        if (issuer != null) {
            issuer.close();
        }
    }

    @Test
    void msmtpSendsThroughPostfixWithXoauth2AndATokenThatMailwizardRefreshed() throws Exception {
        // The registrations file in its default place for the wrapper (XDG_CONFIG_HOME); the probe is told where it is.
        Path config = Files.createDirectories(work.resolve("config").resolve("mailwizard"));
        Path registrations = Files.writeString(config.resolve("oauth2.json"), issuer.registrationsFile(CLIENT_ID, host));
        issuer.server().received();
        InProcessCli.Result signedIn = InProcessCli.run("", url -> issuer.server().signIn(url, user), List.of("probe", user, "--host", host,
                "--resolve", host + ":127.0.0.1", "--trust-ca", env.get("MTA_CA"), "--port", "587", "--oauth2", "--oauth2-config", registrations.toString(),
                "--oauth2-remember", "--json"));
        try {
            assertThat(signedIn.exit()).as(signedIn.toString()).isZero();
            assertThat(signedIn.err()).contains("the sign-in is remembered in the OS keyring; 'mailwizard oauth2 token " + user + "' prints a fresh access token");
            String probeToken = MtaAuthorizationServer.introspections(issuer.server().received()).get(0).token();
            StoredGrant remembered = new KeyringTokenStore().load(user).orElseThrow(() -> new AssertionError("nothing in the keyring for " + user));
            assertThat(remembered.clientId()).isEqualTo(CLIENT_ID);
            assertThat(remembered.tokenEndpoint()).isEqualTo(issuer.server().tokenEndpoint());

            Path report = Files.writeString(work.resolve("report.json"), signedIn.out());
            Path export = work.resolve("export");
            InProcessCli.Result exported = InProcessCli.run("", null, List.of("export", "--from", report.toString(), "--format", "msmtp", "--out", export.toString()));
            assertThat(exported.exit()).as(exported.toString()).isZero();
            Path rc = export.resolve("msmtprc");
            String account = "alice-mailwizard-test-587";
            assertThat(Files.readString(rc)).contains("account " + account + "\n").contains("auth xoauth2\n")
                    .contains("passwordeval \"mailwizard oauth2 token " + user + "\"\n");

            String subject = "XOAUTH2 by msmtp " + UUID.randomUUID();
            ServerLog postfix = ServerLog.from(Path.of(env.get("MTA_POSTFIX_LOG")));
            ExternalProgram.Result sent = ExternalProgram.run(List.of("msmtp", "-C", rc.toString(), "-a", account, "--tls-trust-file=" + env.get("MTA_CA"),
                    env.get("MTA_RCPT")), programEnv(), "From: " + user + "\nTo: " + env.get("MTA_RCPT") + "\nSubject: " + subject + "\n\nsent by msmtp\n", work);
            assertThat(sent.exit()).as(sent.toString()).isZero();

            assertThat(postfix.await(l -> l.contains("postfix/submission/smtpd[") && l.contains("sasl_method=XOAUTH2, sasl_username=" + user), 1)).hasSize(1);
            assertDelivered(subject);
            // mailwizard oauth2 token traded the remembered refresh token for the access token that Postfix (through Dovecot) had checked.
            List<Received> received = issuer.server().received();
            assertThat(received).extracting(Received::method, Received::path)
                    .containsExactly(tuple("POST", "/mailwizard/token"), tuple("POST", "/mailwizard/introspect"));
            assertThat(received.get(0).form()).containsEntry("grant_type", "refresh_token").containsEntry("refresh_token", remembered.refreshToken())
                    .containsEntry("client_id", CLIENT_ID);
            List<Introspection> checked = MtaAuthorizationServer.introspections(received);
            String msmtpToken = checked.get(0).token();
            assertThat(msmtpToken).as("a fresh token, not the probe's").isNotEqualTo(probeToken);
            for (String piece : TestTokens.pieces(msmtpToken)) {
                assertThat(sent.out() + sent.err()).doesNotContain(piece);
            }
        } finally {
            InProcessCli.Result forgot = InProcessCli.run("", null, List.of("oauth2", "forget", user));
            assertThat(forgot.err()).isEqualTo("mailwizard oauth2 forget: the sign-in for " + user + " was removed from the OS keyring\n");
        }
    }

    /**
     * msmtp's environment: its PATH starts with a {@code mailwizard} that runs this build, with a JVM
     * trust store that holds the test CA (the token endpoint's), and the registrations file in its
     * default place.
     */
    private Map<String, String> programEnv() throws IOException, GeneralSecurityException {
        Path bin = Files.createDirectories(work.resolve("bin"));
        Path trustStore = work.resolve("trust.p12");
        char[] storePassword = "changeit".toCharArray(); // the JDK's own well-known one: the store holds only a public CA certificate
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(Path.of(env.get("MTA_CA")))) {
            ks.setCertificateEntry("mta-test-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            ks.store(out, storePassword);
        }
        Path launcher = bin.resolve("mailwizard");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "'"
                + " -Djavax.net.ssl.trustStore='" + trustStore + "' -Djavax.net.ssl.trustStorePassword=" + new String(storePassword)
                + " -cp '" + System.getProperty("java.class.path") + "' dev.mailwizard.Launcher \"$@\"\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        Map<String, String> e = new HashMap<>();
        e.put("PATH", bin + ":" + System.getenv("PATH"));
        e.put("HOME", work.toString());
        e.put("XDG_CONFIG_HOME", work.resolve("config").toString());
        return e;
    }

    private static void assertDelivered(String subject) throws Exception {
        Path inbox = Path.of(env.get("MTA_MAILDIR"), env.get("MTA_RCPT").substring(0, env.get("MTA_RCPT").indexOf('@')), "new");
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(inbox)) {
                try (Stream<Path> files = Files.list(inbox)) {
                    if (files.anyMatch(f -> contains(f, subject))) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the message '" + subject + "' did not arrive in " + inbox);
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            return false;
        }
    }
}
