package dev.mailwizard.mta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailwizard.cli.CliIo;
import dev.mailwizard.cli.MailWizardCommand;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The exported files in the hands of the real programs: MailWizard probes the real Postfix +
 * Dovecot, exports every format from that report, and msmtp, NeoMutt, git send-email, Jakarta Mail
 * and Spring Boot each send one message with the file as written, on 465 (implicit TLS) and 587
 * (STARTTLS). Each message must arrive in the recipient's maildir, and Postfix's log must show the
 * authenticated session on the expected port. The password reaches each client through its own
 * mechanism (keyring lookup, credential helper, its own option), never through the exported file.
 * Thunderbird itself (headless, through Marionette) reads our autoconfig file with its own parser,
 * loads our user.js and logs in with it. Static validators (postconf/postmap, plistlib, xmllint,
 * kreadconfig5, Evolution's source registry) check the other formats. The OAuth2 exports (an
 * Outlook.com report made after the contract) go to the same programs, which read them as written.
 */
@Tag("real-mta")
class RealClientsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, String> env;
    private static Path work;
    private static Path bin;
    private static Map<Integer, Path> exported = new HashMap<>();

    @BeforeAll
    static void probeAndExport() throws Exception {
        env = MtaEnvironment.load();
        work = Files.createTempDirectory("mailwizard-clients");
        bin = KeyringStandIn.install(work, env);
        exported.put(465, export("465", "--incoming"));
        exported.put(587, export("587", "--port", "587", "--port", "imap:143"));
    }

    /** Probes with a login, checks the recommendation, exports all formats from the JSON report. */
    private static Path export(String name, String... probeOptions) throws IOException {
        List<String> args = new ArrayList<>(List.of("probe", env.get("MTA_USER"), "--host", env.get("MTA_HOST"), "--resolve",
                env.get("MTA_HOST") + ":127.0.0.1", "--trust-ca", env.get("MTA_CA"), "--password-stdin", "--json", "--transcript"));
        args.addAll(List.of(probeOptions));
        String report = cli(env.get("MTA_PASSWORD") + "\n", 0, args);
        JsonNode r = JSON.readTree(report);
        assertThat(r.get("recommended").get("port").asInt()).isEqualTo(Integer.parseInt(name));
        Path json = work.resolve(name + ".json");
        Files.writeString(json, report);
        Path dir = work.resolve("export-" + name);
        cli("", 0, List.of("export", "--from", json.toString(), "--format", "all", "--out", dir.toString(), "--name", "Alice Test"));
        return dir;
    }

    private static String cli(String stdin, int expectedExit, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MailWizardCommand.execute(new CliIo(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), null), args.toArray(String[]::new));
        assertThat(code).as(String.join(" ", args) + ": " + err.toString(StandardCharsets.UTF_8)).isEqualTo(expectedExit);
        return out.toString(StandardCharsets.UTF_8);
    }

    static Stream<Arguments> ports() {
        return Stream.of(Arguments.of(465, "smtps"), Arguments.of(587, "submission"));
    }

    private static Map<String, String> clientEnv() {
        Map<String, String> e = new HashMap<>();
        e.put("PATH", bin + ":" + System.getenv("PATH"));
        e.put("HOME", work.toString());
        e.put("GIT_AUTHOR_NAME", "Alice Test");
        e.put("GIT_AUTHOR_EMAIL", env.get("MTA_USER"));
        e.put("GIT_COMMITTER_NAME", "Alice Test");
        e.put("GIT_COMMITTER_EMAIL", env.get("MTA_USER"));
        return e;
    }

    private static String token(String client, int port) {
        return "mailwizard-" + client + "-" + port + "-" + UUID.randomUUID();
    }

    @ParameterizedTest(name = "msmtp on {0}")
    @MethodSource("ports")
    void msmtpSendsWithTheExportedFile(int port, String service) throws Exception {
        Path rc = exported.get(port).resolve("msmtprc");
        String account = "alice-mailwizard-test-" + port;
        ExternalProgram.Result check = ExternalProgram.run(List.of("msmtp", "-C", rc.toString(), "-a", account, "-P"), clientEnv(), "", work);
        assertThat(check.exit()).as(check.toString()).isZero();
        assertThat(check.out()).contains("port = " + port).contains("tls_starttls = " + (port == 587 ? "on" : "off"));
        String token = token("msmtp", port);
        int before = authenticatedSessions(service);
        // The test CA comes only from the exported folder: the msmtprc names the copy there.
        ExternalProgram.Result sent = ExternalProgram.run(List.of("msmtp", "-C", rc.toString(), "-a", account, env.get("MTA_RCPT")), clientEnv(),
                "From: " + env.get("MTA_USER") + "\nTo: " + env.get("MTA_RCPT") + "\nSubject: " + token + "\n\nsent by msmtp\n", work);
        assertThat(sent.exit()).as(sent.toString()).isZero();
        assertDelivered(token, service, before);
        assertThat(Files.readString(rc)).doesNotContain(env.get("MTA_PASSWORD"));
    }

    @ParameterizedTest(name = "NeoMutt on {0}")
    @MethodSource("ports")
    void neomuttSendsWithTheExportedFile(int port, String service) throws Exception {
        Path rc = exported.get(port).resolve("neomuttrc");
        // neomutt exits 0 on configuration errors: an empty stderr is the check.
        ExternalProgram.Result check = ExternalProgram.run(List.of("neomutt", "-n", "-F", rc.toString(), "-Q", "smtp_url", "-Q", "ssl_force_tls"),
                clientEnv(), "", work);
        assertThat(check.err()).as(check.toString()).isEmpty();
        assertThat(check.out()).contains((port == 465 ? "smtps://" : "smtp://") + "alice%40mailwizard.test@mail.mailwizard.test:" + port);
        // The password comes from a second file that sources ours unchanged; the test CA only from the exported copy.
        Path wrapper = work.resolve("neomutt-" + port + ".rc");
        Files.writeString(wrapper, "source \"" + rc + "\"\nset smtp_pass = \"" + env.get("MTA_PASSWORD") + "\"\nset record = ''\n");
        String token = token("neomutt", port);
        int before = authenticatedSessions(service);
        ExternalProgram.Result sent = ExternalProgram.run(List.of("neomutt", "-n", "-F", wrapper.toString(), "-s", token, "--", env.get("MTA_RCPT")),
                clientEnv(), "sent by neomutt\n", work);
        assertThat(sent.exit()).as(sent.toString()).isZero();
        assertThat(sent.err()).as(sent.toString()).doesNotContain("Error");
        assertDelivered(token, service, before);
    }

    @ParameterizedTest(name = "git send-email on {0}")
    @MethodSource("ports")
    void gitSendEmailSendsWithTheExportedFile(int port, String service) throws Exception {
        Path config = exported.get(port).resolve("gitconfig-sendemail");
        ExternalProgram.Result check = ExternalProgram.run(List.of("git", "config", "-f", config.toString(), "--list"), clientEnv(), "", work);
        assertThat(check.exit()).as(check.toString()).isZero();
        assertThat(check.out()).contains("sendemail.smtpserverport=" + port).contains("sendemail.smtpencryption=" + (port == 465 ? "ssl" : "tls"));
        String token = token("git", port);
        Path repo = Files.createDirectories(work.resolve("repo-" + port));
        Map<String, String> e = clientEnv();
        ExternalProgram.run(List.of("git", "init", "-q"), e, "", repo);
        Files.writeString(repo.resolve("file.txt"), token + "\n");
        ExternalProgram.run(List.of("git", "add", "file.txt"), e, "", repo);
        ExternalProgram.run(List.of("git", "commit", "-q", "-m", token), e, "", repo);
        ExternalProgram.Result patch = ExternalProgram.run(List.of("git", "format-patch", "-1", "-o", "patches"), e, "", repo);
        assertThat(patch.exit()).as(patch.toString()).isZero();
        // git's credential helper supplies the password, as the exported file suggests.
        Path store = work.resolve("git-credentials-" + port);
        Files.writeString(store, "smtp://alice%40mailwizard.test:" + env.get("MTA_PASSWORD") + "@" + env.get("MTA_HOST") + ":" + port + "\n");
        e.put("GIT_CONFIG_GLOBAL", config.toString());
        e.put("GIT_CONFIG_COUNT", "1");
        e.put("GIT_CONFIG_KEY_0", "credential.helper");
        e.put("GIT_CONFIG_VALUE_0", "store --file=" + store);
        int before = authenticatedSessions(service);
        ExternalProgram.Result sent = ExternalProgram.run(List.of("git", "send-email", "--confirm=never", "--suppress-cc=all",
                "--to=" + env.get("MTA_RCPT"), patch.out().strip()), e, "", repo);
        assertThat(sent.exit()).as(sent.toString()).isZero();
        assertDelivered(token, service, before);
    }

    @ParameterizedTest(name = "Jakarta Mail on {0}")
    @MethodSource("ports")
    void jakartaMailSendsWithTheExportedProperties(int port, String service) throws Exception {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(exported.get(port).resolve("mail.properties"))) {
            props.load(in);
        }
        assertThat(props.getProperty("mail.smtp.port")).isEqualTo(String.valueOf(port));
        // Jakarta properties cannot name a CA file: the application trusts the exported copy, as the file's comment shows.
        assertThat(Files.readString(exported.get(port).resolve("mail.properties"))).contains("Path.of(\"" + exportedCa(port) + "\")");
        props.put("mail.smtp.ssl.socketFactory", trusting(exportedCa(port)));
        Session session = Session.getInstance(props);
        MimeMessage m = new MimeMessage(session);
        String token = token("jakarta", port);
        m.setFrom(new InternetAddress(props.getProperty("mail.smtp.from")));
        m.setRecipients(Message.RecipientType.TO, env.get("MTA_RCPT"));
        m.setSubject(token);
        m.setText("sent by Jakarta Mail");
        int before = authenticatedSessions(service);
        Transport.send(m, props.getProperty("mail.smtp.user"), env.get("MTA_PASSWORD"));
        assertDelivered(token, service, before);
    }

    @ParameterizedTest(name = "Spring Boot on {0}")
    @MethodSource("ports")
    void springBootSendsWithTheExportedProperties(int port, String service) throws Exception {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(exported.get(port).resolve("application.properties"))) {
            props.load(in);
        }
        List<String> pairs = new ArrayList<>();
        props.forEach((k, v) -> pairs.add(k + "=" + v));
        String token = token("spring", port);
        int before = authenticatedSessions(service);
        // The exported SSL bundle names the CA copy: nothing else tells Spring about the test CA.
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, MailSenderAutoConfiguration.class))
                .withPropertyValues(pairs.toArray(String[]::new))
                .withSystemProperties("MAIL_PASSWORD=" + env.get("MTA_PASSWORD"))
                .run(context -> {
                    JavaMailSenderImpl sender = context.getBean(JavaMailSenderImpl.class);
                    assertThat(sender.getPort()).isEqualTo(port);
                    sender.testConnection();
                    SimpleMailMessage m = new SimpleMailMessage();
                    m.setFrom(env.get("MTA_USER"));
                    m.setTo(env.get("MTA_RCPT"));
                    m.setSubject(token);
                    m.setText("sent by Spring Boot");
                    sender.send(m);
                });
        assertDelivered(token, service, before);
    }

    @Test
    void postfixAcceptsTheRelaySettingsWithoutAWarningAndFindsTheCredential() throws Exception {
        for (int port : List.of(465, 587)) {
            String text = Files.readString(exported.get(port).resolve("postfix-relay.txt"));
            String mainCf = section(text, "# ==> /etc/postfix/main.cf", "# ==> /etc/postfix/sasl_passwd");
            String sasl = section(text, "# ==> /etc/postfix/sasl_passwd", null);
            Path dir = Files.createDirectories(work.resolve("postfix-" + port));
            Files.writeString(dir.resolve("main.cf"), mainCf.replace("/etc/postfix/sasl_passwd", dir.resolve("sasl_passwd").toString()));
            Files.writeString(dir.resolve("sasl_passwd"), sasl.replace("PASSWORD", "secret"));
            Files.copy(Path.of("/etc/postfix/master.cf"), dir.resolve("master.cf")); // postconf warns without one
            ExternalProgram.Result conf = ExternalProgram.run(List.of("postconf", "-c", dir.toString(), "-n"), clientEnv(), "", dir);
            assertThat(conf.exit()).as(conf.toString()).isZero();
            assertThat(conf.err()).as(conf.toString()).doesNotContain("warning");
            assertThat(conf.out()).contains("relayhost = [mail.mailwizard.test]:" + port)
                    .contains("smtp_tls_wrappermode = " + (port == 465 ? "yes" : "no")).contains("smtp_tls_security_level = verify");
            ExternalProgram.Result map = ExternalProgram.run(List.of("postmap", "-c", dir.toString(), "hash:" + dir.resolve("sasl_passwd")), clientEnv(), "", dir);
            assertThat(map.exit()).as(map.toString()).isZero();
            ExternalProgram.Result query = ExternalProgram.run(List.of("postmap", "-c", dir.toString(), "-q", "[mail.mailwizard.test]:" + port,
                    "hash:" + dir.resolve("sasl_passwd")), clientEnv(), "", dir);
            assertThat(query.out().strip()).isEqualTo("alice@mailwizard.test:secret");
        }
    }

    @Test
    void pythonsStrictPlistReaderLoadsTheAppleProfile() throws Exception {
        for (int port : List.of(465, 587)) {
            Path profile = exported.get(port).resolve("alice@mailwizard.test.mobileconfig");
            ExternalProgram.Result r = ExternalProgram.run(List.of("python3", "-c",
                    "import plistlib,sys; d=plistlib.load(open(sys.argv[1],'rb')); m=d['PayloadContent'][0]; "
                            + "print(m['OutgoingMailServerHostName'], m['OutgoingMailServerPortNumber'], m['OutgoingMailServerUseSSL'], "
                            + "m['IncomingMailServerPortNumber'], m['EmailAccountType'], d['PayloadType'])", profile.toString()), clientEnv(), "", work);
            assertThat(r.exit()).as(r.toString()).isZero();
            assertThat(r.out().strip()).isEqualTo("mail.mailwizard.test " + port + " True " + (port == 465 ? 993 : 143) + " EmailTypeIMAP Configuration");
        }
    }

    @Test
    void xmllintValidatesTheAutoconfigAndAutodiscoverFilesAgainstOurSchemas() throws Exception {
        Path schemas = Path.of("src/test/resources/export/schema").toAbsolutePath();
        for (int port : List.of(465, 587)) {
            for (String[] f : new String[][]{{"config-v1.1.xml", "autoconfig-export.xsd"}, {"autodiscover.xml", "autodiscover-export.xsd"}}) {
                ExternalProgram.Result r = ExternalProgram.run(List.of("xmllint", "--noout", "--schema", schemas.resolve(f[1]).toString(),
                        exported.get(port).resolve(f[0]).toString()), clientEnv(), "", work);
                assertThat(r.exit()).as(f[0] + " " + r).isZero();
                assertThat(r.err()).contains("validates");
            }
        }
    }

    @Test
    void kdeConfigReadsTheTransportsAsKmailWould() throws Exception {
        for (int port : List.of(465, 587)) {
            Path file = exported.get(port).resolve("mailtransports");
            ExternalProgram.Result id = ExternalProgram.run(List.of("kreadconfig5", "--file", file.toString(), "--group", "General",
                    "--key", "default-transport"), clientEnv(), "", work);
            String group = "Transport " + id.out().strip();
            Map<String, String> expected = Map.of("host", "mail.mailwizard.test", "port", String.valueOf(port),
                    "encryption", port == 465 ? "SSL" : "TLS", "user", "alice@mailwizard.test", "auth", "true", "storepass", "false");
            for (Map.Entry<String, String> e : expected.entrySet()) {
                ExternalProgram.Result r = ExternalProgram.run(List.of("kreadconfig5", "--file", file.toString(), "--group", group,
                        "--key", e.getKey()), clientEnv(), "", work);
                assertThat(r.out().strip()).as(group + " " + e.getKey()).isEqualTo(e.getValue());
            }
        }
    }

    @Test
    void evolutionsSourceRegistryLoadsTheTransportWithTheRightSecurityMethod() throws Exception {
        Path script = Path.of("src/test/resources/clients/evolution-check.py").toAbsolutePath();
        for (int port : List.of(465, 587)) {
            Path home = Files.createDirectories(work.resolve("evolution-" + port));
            Path sources = Files.createDirectories(home.resolve("config/evolution/sources"));
            Path runtime = Files.createDirectories(home.resolve("runtime"));
            Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
            String uid = "mailwizard-alice-mailwizard-test-smtp";
            Files.copy(exported.get(port).resolve(uid + ".source"), sources.resolve(uid + ".source"));
            // A private session bus: the registry starts by D-Bus activation and sees only this home.
            ExternalProgram.Result r = ExternalProgram.run(List.of("env", "-i", "PATH=/usr/bin:/bin", "HOME=" + home,
                    "XDG_CONFIG_HOME=" + home.resolve("config"), "XDG_DATA_HOME=" + home.resolve("data"), "XDG_CACHE_HOME=" + home.resolve("cache"),
                    "XDG_RUNTIME_DIR=" + runtime, "dbus-run-session", "--", "/usr/bin/python3", script.toString(), uid), Map.of(), "", home);
            assertThat(r.exit()).as(r.toString()).isZero();
            assertThat(r.out().strip()).isEqualTo("smtp mail.mailwizard.test " + port + " alice@mailwizard.test PLAIN "
                    + (port == 465 ? "ssl-on-alternate-port" : "starttls-on-standard-port"));
        }
    }

    @Test
    void thunderbirdsOwnParserKeepsEveryServerOfTheAutoconfigFile() throws Exception {
        Path profile = Files.createDirectories(work.resolve("thunderbird-autoconfig"));
        try (HeadlessThunderbird tb = HeadlessThunderbird.start(profile, work)) {
            for (int port : List.of(465, 587)) {
                JsonNode r = tb.run("read-autoconfig.js", Files.readString(exported.get(port).resolve("config-v1.1.xml")));
                assertThat(r.get("ok").asBoolean()).as(r.toString()).isTrue();
                JsonNode report = JSON.readTree(Files.readString(work.resolve(port + ".json")));
                // Thunderbird drops servers it cannot read without a word: compare counts with the report.
                assertThat(r.get("outgoing")).hasSize(1 + report.get("alternatives").size());
                assertThat(r.get("incoming")).hasSize(1 + report.get("alternativesIncoming").size());
                JsonNode best = r.get("outgoing").get(0);
                assertThat(best.get("port").asInt()).isEqualTo(port);
                assertThat(best.get("socketType").asInt()).as("3 = SSL/TLS, 2 = STARTTLS").isEqualTo(port == 465 ? 3 : 2);
                assertThat(best.get("auth").asInt()).as("3 = normal password").isEqualTo(3);
                assertThat(best.get("hostname").asText()).isEqualTo(env.get("MTA_HOST"));
            }
        }
    }

    @ParameterizedTest(name = "Thunderbird user.js on {0}")
    @MethodSource("ports")
    void thunderbirdLoadsTheUserJsServersAndLogsInWithThem(int port, String service) throws Exception {
        Path profile = Files.createDirectories(work.resolve("thunderbird-prefs-" + port));
        Files.copy(exported.get(port).resolve("user.js"), profile.resolve("user.js"));
        // Thunderbird trusts the test CA through its own certificate database, as a user's import would.
        assertThat(ExternalProgram.run(List.of("certutil", "-N", "-d", "sql:" + profile, "--empty-password"), Map.of(), "", work).exit()).isZero();
        assertThat(ExternalProgram.run(List.of("certutil", "-A", "-n", "mailwizard-test-ca", "-t", "C,,", "-i", env.get("MTA_CA"),
                "-d", "sql:" + profile), Map.of(), "", work).exit()).isZero();
        long logLines = logLines();
        try (HeadlessThunderbird tb = HeadlessThunderbird.start(profile, work)) {
            JsonNode servers = tb.run("smtp-servers.js");
            assertThat(servers.get("ok").asBoolean()).as(servers.toString()).isTrue();
            JsonNode best = servers.get("servers").get(0);
            assertThat(servers.get("defaultKey").asText()).isEqualTo(best.get("key").asText());
            assertThat(best.get("port").asInt()).isEqualTo(port);
            assertThat(best.get("socketType").asInt()).isEqualTo(port == 465 ? 3 : 2);
            assertThat(best.get("username").asText()).isEqualTo(env.get("MTA_USER"));
            JsonNode logon = tb.run("verify-logon.js", best.get("key").asText(), env.get("MTA_PASSWORD"));
            assertThat(logon.get("ok").isNull() || logon.get("ok").asBoolean()).as(logon.toString()).isTrue();
        }
        // Postfix logs the session when Thunderbird goes: one successful AUTH on this port, none failed.
        List<String> session = newLogLines(logLines).stream().filter(l -> l.contains("postfix/" + service + "/smtpd[") && l.contains("disconnect from")).toList();
        assertThat(session).as("Postfix's log after Thunderbird's login").anyMatch(l -> l.contains(" auth=1 ")).noneMatch(l -> l.contains("auth=0"));
    }

    // ---- OAuth2 exports: the programs read the files as written (no login here; the account is Outlook.com's) ----

    private static final String OAUTH2_USER = "alice.mailwizard@outlook.com";
    private static final String OAUTH2_TOKEN = "EwBIA8l6BAAUbDba3x2OMJElkF7gJ4z/VbCPEz0AAbKlQ3uvG3t0ken-access-token";
    private static Path oauth2Dir;

    /**
     * Every format of the OAuth2 report fixture (exit 1: Apple, Outlook and Postfix refuse), and a
     * stand-in {@code mailwizard} on the clients' PATH that prints a token only when asked exactly
     * for this account's.
     */
    private static synchronized Path oauth2Export() throws IOException {
        if (oauth2Dir == null) {
            Path stub = bin.resolve("mailwizard");
            Files.writeString(stub, "#!/bin/sh\n[ \"$*\" = \"oauth2 token " + OAUTH2_USER + "\" ] || { echo \"unexpected: $*\" >&2; exit 1; }\n"
                    + "echo " + OAUTH2_TOKEN + "\n");
            Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwx------"));
            Path dir = work.resolve("export-oauth2");
            cli("", 1, List.of("export", "--from", Path.of("src/test/resources/export/report-input-oauth2.json").toAbsolutePath().toString(),
                    "--format", "all", "--out", dir.toString(), "--name", "Alice Test"));
            oauth2Dir = dir;
        }
        return oauth2Dir;
    }

    @Test
    void msmtpReadsTheOAuth2AccountAndRunsTheTokenCommand() throws Exception {
        Path rc = oauth2Export().resolve("msmtprc");
        // -P evaluates passwordeval: the stand-in fails on any other arguments, and msmtp with it.
        ExternalProgram.Result r = ExternalProgram.run(List.of("msmtp", "-C", rc.toString(), "-a", "alice-mailwizard-outlook-com-587", "-P"),
                clientEnv(), "", work);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("auth = XOAUTH2").contains("password = *").contains("tls_starttls = on")
                .contains("passwordeval = mailwizard oauth2 token " + OAUTH2_USER);
        assertThat(Files.readString(rc)).doesNotContain(OAUTH2_TOKEN);
    }

    @Test
    void neomuttReadsTheOAuth2AuthenticatorsAndRefreshCommands() throws Exception {
        ExternalProgram.Result r = ExternalProgram.run(List.of("neomutt", "-n", "-F", oauth2Export().resolve("neomuttrc").toString(),
                "-Q", "smtp_authenticators", "-Q", "smtp_oauth_refresh_command", "-Q", "imap_authenticators", "-Q", "imap_oauth_refresh_command"),
                clientEnv(), "", work);
        assertThat(r.err()).as(r.toString()).isEmpty();
        assertThat(r.out()).contains("smtp_authenticators = \"xoauth2\"").contains("imap_authenticators = \"xoauth2\"")
                .contains("smtp_oauth_refresh_command = \"mailwizard oauth2 token " + OAUTH2_USER + "\"")
                .contains("imap_oauth_refresh_command = \"mailwizard oauth2 token " + OAUTH2_USER + "\"");
    }

    @Test
    void gitsCredentialHelperAnswersWithTheTokenAndLetsNoOtherHelperStoreIt() throws Exception {
        Path config = oauth2Export().resolve("gitconfig-sendemail");
        ExternalProgram.Result list = ExternalProgram.run(List.of("git", "config", "-f", config.toString(), "--list"), clientEnv(), "", work);
        assertThat(list.exit()).as(list.toString()).isZero();
        assertThat(list.out()).contains("sendemail.smtpauth=XOAUTH2");
        // A user whose own configuration stores credentials on disk, including the exported file last, as it says.
        Path store = work.resolve("git-credentials-oauth2");
        Path global = work.resolve("gitconfig-oauth2");
        Files.writeString(global, "[credential]\n\thelper = store --file=" + store + "\n[include]\n\tpath = " + config + "\n");
        Map<String, String> e = clientEnv();
        e.put("GIT_CONFIG_GLOBAL", global.toString());
        e.put("GIT_CONFIG_NOSYSTEM", "1");
        e.put("GIT_TERMINAL_PROMPT", "0");
        String request = "protocol=smtp\nhost=smtp-mail.outlook.com:587\nusername=" + OAUTH2_USER + "\n\n";
        ExternalProgram.Result fill = ExternalProgram.run(List.of("git", "credential", "fill"), e, request, work);
        assertThat(fill.exit()).as(fill.toString()).isZero();
        assertThat(fill.out()).contains("password=" + OAUTH2_TOKEN + "\n");
        ExternalProgram.Result approve = ExternalProgram.run(List.of("git", "credential", "approve"), e, fill.out(), work);
        assertThat(approve.exit()).as(approve.toString()).isZero();
        assertThat(store).doesNotExist();
    }

    @Test
    void thunderbirdSignsInWithOAuth2FromOurAutoconfigFileAndUserJs() throws Exception {
        Path profile = Files.createDirectories(work.resolve("thunderbird-oauth2"));
        Files.copy(oauth2Export().resolve("user.js"), profile.resolve("user.js"));
        try (HeadlessThunderbird tb = HeadlessThunderbird.start(profile, work)) {
            JsonNode config = tb.run("read-autoconfig.js", Files.readString(oauth2Export().resolve("config-v1.1.xml")));
            assertThat(config.get("ok").asBoolean()).as(config.toString()).isTrue();
            assertThat(config.get("outgoing")).hasSize(1);
            assertThat(config.get("incoming")).hasSize(2);
            List<JsonNode> servers = new ArrayList<>();
            config.get("outgoing").forEach(servers::add);
            config.get("incoming").forEach(servers::add);
            assertThat(servers).as("10 = OAuth2").allMatch(s -> s.get("auth").asInt() == 10);
            JsonNode prefs = tb.run("smtp-servers.js");
            assertThat(prefs.get("servers").get(0).get("authMethod").asInt()).as(prefs.toString()).isEqualTo(10);
            assertThat(prefs.get("servers").get(0).get("hostname").asText()).isEqualTo("smtp-mail.outlook.com");
        }
    }

    @Test
    void evolutionFindsItsOwnOutlookSignInForTheOAuth2Transport() throws Exception {
        Path script = Path.of("src/test/resources/clients/evolution-oauth2-check.py").toAbsolutePath();
        Path home = Files.createDirectories(work.resolve("evolution-oauth2"));
        Path sources = Files.createDirectories(home.resolve("config/evolution/sources"));
        Path runtime = Files.createDirectories(home.resolve("runtime"));
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
        String uid = "mailwizard-alice-mailwizard-outlook-com-smtp";
        Files.copy(oauth2Export().resolve(uid + ".source"), sources.resolve(uid + ".source"));
        ExternalProgram.Result r = ExternalProgram.run(List.of("env", "-i", "PATH=/usr/bin:/bin", "HOME=" + home,
                "XDG_CONFIG_HOME=" + home.resolve("config"), "XDG_DATA_HOME=" + home.resolve("data"), "XDG_CACHE_HOME=" + home.resolve("cache"),
                "XDG_RUNTIME_DIR=" + runtime, "dbus-run-session", "--", "/usr/bin/python3", script.toString(), uid), Map.of(), "", home);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out().strip()).isEqualTo("smtp-mail.outlook.com 587 Outlook Outlook");
    }

    @Test
    void xmllintAndKdeConfigReadTheOAuth2Files() throws Exception {
        Path schema = Path.of("src/test/resources/export/schema/autoconfig-export.xsd").toAbsolutePath();
        ExternalProgram.Result xml = ExternalProgram.run(List.of("xmllint", "--noout", "--schema", schema.toString(),
                oauth2Export().resolve("config-v1.1.xml").toString()), clientEnv(), "", work);
        assertThat(xml.exit()).as(xml.toString()).isZero();
        Path file = oauth2Export().resolve("mailtransports");
        ExternalProgram.Result id = ExternalProgram.run(List.of("kreadconfig5", "--file", file.toString(), "--group", "General",
                "--key", "default-transport"), clientEnv(), "", work);
        ExternalProgram.Result auth = ExternalProgram.run(List.of("kreadconfig5", "--file", file.toString(), "--group",
                "Transport " + id.out().strip(), "--key", "authtype"), clientEnv(), "", work);
        assertThat(auth.out().strip()).isEqualTo("XOAUTH2");
    }

    private static long logLines() throws IOException {
        try (Stream<String> lines = Files.lines(Path.of(env.get("MTA_POSTFIX_LOG")))) {
            return lines.count();
        }
    }

    private static List<String> newLogLines(long skip) throws Exception {
        Thread.sleep(500); // Postfix writes the disconnect line as the connection drops
        try (Stream<String> lines = Files.lines(Path.of(env.get("MTA_POSTFIX_LOG")))) {
            return lines.skip(skip).toList();
        }
    }

    private static String section(String text, String start, String end) {
        int s = text.indexOf(start);
        assertThat(s).as(start).isNotNegative();
        int e = end == null ? text.length() : text.indexOf(end);
        return text.substring(s + start.length(), e).strip() + "\n";
    }

    private static Path exportedCa(int port) {
        return exported.get(port).resolve("alice-mailwizard-test-ca.pem");
    }

    private static SSLSocketFactory trusting(Path ca) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(ca)) {
            ks.setCertificateEntry("test-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx.getSocketFactory();
    }

    /** Postfix log lines of sessions that logged in as the test user on this service (smtps = 465, submission = 587). */
    private static int authenticatedSessions(String service) throws IOException {
        String marker = "postfix/" + service + "/smtpd[";
        try (Stream<String> lines = Files.lines(Path.of(env.get("MTA_POSTFIX_LOG")))) {
            return (int) lines.filter(l -> l.contains(marker) && l.contains("sasl_username=" + env.get("MTA_USER"))).count();
        }
    }

    private static void assertDelivered(String token, String service, int sessionsBefore) throws Exception {
        Path inbox = Path.of(env.get("MTA_MAILDIR"), env.get("MTA_RCPT").substring(0, env.get("MTA_RCPT").indexOf('@')), "new");
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(inbox)) {
                try (Stream<Path> files = Files.list(inbox)) {
                    if (files.anyMatch(f -> contains(f, token))) {
                        assertThat(authenticatedSessions(service)).as("an authenticated " + service + " session in Postfix's log")
                                .isGreaterThan(sessionsBefore);
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("message " + token + " did not arrive in " + inbox);
    }

    private static boolean contains(Path file, String token) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1).contains(token);
        } catch (IOException e) {
            return false;
        }
    }
}
