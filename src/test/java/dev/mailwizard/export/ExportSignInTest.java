package dev.mailwizard.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailwizard.model.AuthMethod;
import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.HelpLink;
import dev.mailwizard.model.OAuth2Endpoints;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Provider;
import dev.mailwizard.model.ProviderNeeds;
import dev.mailwizard.model.Security;
import org.junit.jupiter.api.Test;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How each format signs in for accounts that use OAuth2 or need an app password: the client's own
 * OAuth2 setting where it has one, a refusal naming the reason where it has none, and the app
 * password and the provider's help page in every file that can hold a comment.
 */
class ExportSignInTest {
    private static final HelpLink GMAIL_HELP = new HelpLink("https://support.google.com/accounts/answer/185833",
            "Sign in with app passwords", "providers");

    private static ServerSetting oauth2(Protocol p, String host, int port, Security s, String mechanism) {
        return new ServerSetting(new Endpoint(p, host, port, s), "carol@example.org", mechanism, AuthMethod.OAUTH2);
    }

    private static ServerSetting password(Protocol p, String host, int port, Security s) {
        return new ServerSetting(new Endpoint(p, host, port, s), "carol@example.org", "PLAIN");
    }

    private static AccountProfile account(String address, List<ServerSetting> out, List<ServerSetting> in, Provider provider) {
        return new AccountProfile(EmailAddress.parse(address), "", out, in, true, provider);
    }

    private static Provider provider(String name, ProviderNeeds needs, HelpLink... help) {
        return new Provider(name.toLowerCase(java.util.Locale.ROOT), name, needs, null, List.of(help));
    }

    /** A provider MailWizard knows nothing special about, on its own servers, signing in with OAuth2 only. */
    private static AccountProfile ownOAuth2Provider(String mechanism) {
        return account("carol@example.org", List.of(oauth2(Protocol.SMTP, "smtp.example.org", 465, Security.TLS, mechanism)),
                List.of(oauth2(Protocol.IMAP, "imap.example.org", 993, Security.TLS, mechanism)),
                new Provider("example.org", "Example Mail", ProviderNeeds.OAUTH2,
                        new OAuth2Endpoints("login.example.org", List.of("mail"), "https://login.example.org/authorize",
                                "https://login.example.org/token"), List.of()));
    }

    /** Gmail: OAuth2 tested, but Gmail also takes app passwords. */
    private static AccountProfile gmail() {
        return account("carol@gmail.com", List.of(oauth2(Protocol.SMTP, "smtp.gmail.com", 465, Security.TLS, "XOAUTH2")),
                List.of(oauth2(Protocol.IMAP, "imap.gmail.com", 993, Security.TLS, "XOAUTH2")),
                provider("Gmail", ProviderNeeds.APP_PASSWORD, GMAIL_HELP));
    }

    private static Map<String, ExportResult> writeAll(AccountProfile p) {
        return ProfileWriters.all().stream().filter(w -> !w.id().equals("report"))
                .collect(Collectors.toMap(ProfileWriter::id, w -> w.write(ExportInput.of(p).on(HostOs.LINUX))));
    }

    private static String text(ExportResult r) {
        assertThat(r).as(String.valueOf(r)).isInstanceOf(ExportResult.Written.class);
        return ((ExportResult.Written) r).files().get(0).text();
    }

    private static String refusal(ExportResult r) {
        assertThat(r).as(String.valueOf(r)).isInstanceOf(ExportResult.Refused.class);
        return ((ExportResult.Refused) r).reason();
    }

    @Test
    void aReportsSignInFieldsBecomeTheProfile() {
        AccountProfile p = ReportProfiles.from(ExportFixtures.oauth2Report(), "");
        assertThat(p.outgoing()).extracting(ServerSetting::authMethod, ServerSetting::authMechanism)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AuthMethod.OAUTH2, "XOAUTH2"));
        assertThat(p.incoming()).hasSize(2).allMatch(ServerSetting::oauth2);
        assertThat(p.needs()).contains(ProviderNeeds.OAUTH2);
        assertThat(p.providerName()).isEqualTo("Outlook.com");
        assertThat(p.oauth2Endpoints().orElseThrow().tokenEndpoint()).isEqualTo("https://login.microsoftonline.com/common/oauth2/v2.0/token");
        assertThat(p.help()).extracting(HelpLink::description).containsExactly("POP, IMAP, and SMTP settings for Outlook.com");
    }

    @Test
    void aReportWithoutSignInFieldsIsReadAsPasswordLoginsOfAnUnnamedProvider() {
        AccountProfile p = ReportProfiles.from(ExportFixtures.report(ExportFixtures.Mode.TLS), "");
        assertThat(p.outgoing()).isNotEmpty().noneMatch(ServerSetting::oauth2);
        assertThat(p.incoming()).isNotEmpty().noneMatch(ServerSetting::oauth2);
        assertThat(p.provider()).isNull();
    }

    @Test
    void anUnknownAuthMethodOrAMechanismThatCarriesNoTokenIsNamedInWords() {
        ObjectNode r = ExportFixtures.oauth2Report().deepCopy();
        ((ObjectNode) r.get("recommended")).put("authMethod", "kerberos");
        assertThatThrownBy(() -> ReportProfiles.from(r, "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the report names a server whose authMethod is 'kerberos', not one of password, oauth2");
        ObjectNode plain = ExportFixtures.oauth2Report().deepCopy();
        ((ObjectNode) plain.get("recommended")).put("authMechanism", "PLAIN");
        assertThatThrownBy(() -> ReportProfiles.from(plain, "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("an OAuth2 login on smtp-mail.outlook.com uses XOAUTH2 or OAUTHBEARER, not PLAIN");
    }

    @Test
    void aProviderThatIsNotWhatTheContractSaysReadsAsNotStated() throws Exception {
        JsonNode r = new ObjectMapper().readTree("""
                {"provider": {"id": "x", "displayName": "X\\nMail", "needs": "SMOKE_SIGNALS",
                  "oauth2": {"issuer": "x.example", "scopes": ["a", 7, ""], "authorizationEndpoint": "http://x.example/a",
                             "tokenEndpoint": "javascript:alert(1)"},
                  "help": [{"url": "javascript:alert(1)", "description": "no"}, {"url": "https://x.example/help"}, "https://loose.example"]}}""");
        Provider p = ProviderJson.read(r);
        assertThat(p.needs()).isNull();
        assertThat(p.displayName()).doesNotContain("\n");
        assertThat(p.oauth2().scopes()).containsExactly("a");
        assertThat(p.oauth2().authorizationEndpoint()).isNull();
        assertThat(p.oauth2().tokenEndpoint()).isNull();
        assertThat(p.help()).extracting(HelpLink::url).containsExactly("https://x.example/help");
        assertThat(ProviderJson.read(new ObjectMapper().readTree("{\"provider\": \"Gmail\"}"))).isNull();
    }

    @Test
    void clientsThatRunACommandForTheirSecretAskMailWizardForAFreshToken() {
        Map<String, ExportResult> r = writeAll(ownOAuth2Provider("OAUTHBEARER"));
        assertThat(text(r.get("msmtp"))).contains("auth oauthbearer\n").contains("passwordeval \"mailwizard oauth2 token carol@example.org\"\n")
                .doesNotContain("secret-tool");
        assertThat(text(r.get("neomutt"))).contains("set smtp_authenticators = 'oauthbearer'\n")
                .contains("set smtp_oauth_refresh_command = 'mailwizard oauth2 token carol@example.org'\n")
                .contains("set imap_authenticators = 'oauthbearer'\n").contains("set imap_oauth_refresh_command = 'mailwizard oauth2 token carol@example.org'\n")
                .doesNotContain("NeoMutt asks for it");
        assertThat(text(r.get("git"))).contains("\tsmtpAuth = OAUTHBEARER\n").contains("[credential \"smtp://smtp.example.org:465\"]\n\thelper =\n")
                .contains("password=$(mailwizard oauth2 token carol@example.org)").contains("Authen::SASL 2.1800");
    }

    @Test
    void anAddressThatAShellWouldSplitIsQuotedInTheTokenCommand() {
        AccountProfile p = account("o'neil@example.org", List.of(oauth2(Protocol.SMTP, "smtp.example.org", 587, Security.STARTTLS, null)),
                List.of(), null);
        assertThat(SignIn.tokenCommand(p)).isEqualTo("mailwizard oauth2 token 'o'\\''neil@example.org'");
        assertThat(text(new MsmtpWriter().write(ExportInput.of(p)))).contains("auth xoauth2\n")
                .contains("passwordeval \"mailwizard oauth2 token 'o'\\''neil@example.org'\"\n");
        assertThat(text(new NeomuttWriter().write(ExportInput.of(p))))
                .contains("set smtp_oauth_refresh_command = 'mailwizard oauth2 token '\"'\"'o'\"'\"'\\'\"'\"''\"'\"'neil@example.org'\"'\"''\n");
    }

    @Test
    void formatsWithoutAnOAuth2SettingRefuseAndSayWhatToDoInstead() {
        Map<String, ExportResult> r = writeAll(ownOAuth2Provider("XOAUTH2"));
        assertThat(refusal(r.get("apple"))).contains("no OAuth2 setting").contains("Settings > Mail > Accounts");
        assertThat(refusal(r.get("outlook"))).contains("no way to say OAuth2").contains("without this file");
        assertThat(refusal(r.get("postfix"))).contains("Cyrus SASL").contains("format msmtp");
    }

    @Test
    void clientsWithBuiltInSignInForSomeProvidersOnlyRefuseTheOthersNamingTheServer() {
        Map<String, ExportResult> r = writeAll(ownOAuth2Provider("XOAUTH2"));
        assertThat(refusal(r.get("thunderbird"))).contains("Thunderbird signs in with OAuth2 only to the providers it has its own registration for")
                .contains("smtp.example.org is not one of them");
        assertThat(refusal(r.get("thunderbird-prefs"))).contains("smtp.example.org is not one of them");
        assertThat(refusal(r.get("evolution"))).contains("only to Google, Outlook.com and Yahoo servers").contains("GNOME Online Accounts");
        assertThat(refusal(r.get("kmail"))).contains("only to Gmail and Microsoft servers, and smtp.example.org is neither");
        // Programs that take the token from the application carry any provider.
        assertThat(text(r.get("jakarta"))).contains("mail.smtp.auth.mechanisms=XOAUTH2\n").contains("mail.imap.auth.mechanisms=XOAUTH2\n");
        assertThat(text(r.get("spring"))).contains("spring.mail.properties.mail.smtp.auth.mechanisms=XOAUTH2\n")
                .contains("spring.mail.password=${MAIL_OAUTH2_TOKEN}\n");
    }

    @Test
    void whereTheClientSignsInItselfTheFileNamesItsOwnMethod() {
        Map<String, ExportResult> r = writeAll(gmail());
        assertThat(text(r.get("thunderbird-prefs"))).contains("user_pref(\"mail.smtpserver.mailwizard1.authMethod\", 10);");
        assertThat(text(r.get("evolution"))).contains("[Authentication]\nHost=smtp.gmail.com\nPort=465\nUser=carol@example.org\nMethod=Google\n");
        assertThat(text(r.get("kmail"))).contains("authtype=XOAUTH2\n").contains("storepass=false\n");
    }

    @Test
    void theAutoconfigFileOffersOAuth2FirstAndTheAppPasswordWhereTheProviderTakesOne() throws Exception {
        String gmail = text(new ThunderbirdAutoconfigWriter().write(ExportInput.of(gmail())));
        assertThat(gmail).contains("<authentication>OAuth2</authentication>\n      <authentication>password-cleartext</authentication>\n")
                .doesNotContain("<oAuth2>");
        validateAutoconfig(gmail);
        // A provider Thunderbird has no registration for still works there with an app password.
        AccountProfile own = ownOAuth2Provider("XOAUTH2");
        AccountProfile ownWithAppPasswords = new AccountProfile(own.address(), "", own.outgoing(), own.incoming(), true,
                new Provider("example.org", "Example Mail", ProviderNeeds.APP_PASSWORD, own.provider().oauth2(), List.of()));
        String xml = text(new ThunderbirdAutoconfigWriter().write(ExportInput.of(ownWithAppPasswords)));
        assertThat(xml).contains("<hostname>smtp.example.org</hostname>").contains("<authentication>password-cleartext</authentication>")
                .contains("<oAuth2>\n    <issuer>login.example.org</issuer>\n    <scope>mail</scope>\n"
                        + "    <authURL>https://login.example.org/authorize</authURL>\n    <tokenURL>https://login.example.org/token</tokenURL>\n  </oAuth2>\n");
        validateAutoconfig(xml);
    }

    @Test
    void anAppPasswordAccountStaysAPasswordAccountAndEveryFileThatCanSaysSo() {
        AccountProfile p = account("carol@gmail.com", List.of(password(Protocol.SMTP, "smtp.gmail.com", 465, Security.TLS)),
                List.of(password(Protocol.IMAP, "imap.gmail.com", 993, Security.TLS)), provider("Gmail", ProviderNeeds.APP_PASSWORD, GMAIL_HELP));
        Map<String, ExportResult> r = writeAll(p);
        for (String id : r.keySet()) {
            // A QR code has no room for comments: its notes, shown beside it, say it instead.
            String words = id.equals("thunderbird-qr") ? String.join("\n", ((ExportResult.Written) r.get(id)).notes()) : text(r.get(id));
            assertThat(words).as(id).contains("Gmail does not accept your normal password from mail programs: use an app password")
                    .contains("Sign in with app passwords: https://support.google.com/accounts/answer/185833");
        }
        assertThat(text(r.get("msmtp"))).contains("auth on\n").contains("secret-tool lookup host smtp.gmail.com");
        assertThat(text(r.get("thunderbird-prefs"))).contains("authMethod\", 3);");
        assertThat(text(r.get("thunderbird"))).doesNotContain("OAuth2");
        assertThat(text(r.get("evolution"))).contains("Method=PLAIN\n");
    }

    @Test
    void aPasswordAccountAtAProviderThatWantsOAuth2IsWrittenWithAWarning() {
        AccountProfile p = account("carol@outlook.com", List.of(password(Protocol.SMTP, "smtp-mail.outlook.com", 587, Security.STARTTLS)),
                List.of(), provider("Outlook.com", ProviderNeeds.OAUTH2));
        assertThat(text(new MsmtpWriter().write(ExportInput.of(p))))
                .contains("# Outlook.com accepts only OAuth2 sign-in from mail programs, and these settings use a password,\n"
                        + "# which it will refuse. Test the account again with: mailwizard probe carol@outlook.com --oauth2\n");
    }

    @Test
    void aPasswordGivenForAnOAuth2ServerIsNeverWritten() {
        String secret = "s3cr3t-app-pass";
        ExportInput in = ExportInput.of(gmail()).withPassword(secret);
        for (ProfileWriter w : ProfileWriters.all()) {
            if (w.write(in) instanceof ExportResult.Written written) {
                written.files().forEach(f -> {
                    assertThat(f.text()).as(w.id()).doesNotContain(secret);
                    assertThat(f.holdsPassword()).as(w.id()).isFalse();
                });
            }
        }
        ExportResult.Written msmtp = (ExportResult.Written) new MsmtpWriter().write(in);
        assertThat(msmtp.notes()).anyMatch(n -> n.startsWith("no password written: these servers sign in with OAuth2 tokens"));
    }

    @Test
    void aMixedAccountKeepsEachServersOwnLogin() {
        AccountProfile p = account("carol@example.org",
                List.of(oauth2(Protocol.SMTP, "smtp.example.org", 465, Security.TLS, "XOAUTH2"), password(Protocol.SMTP, "smtp.example.org", 587, Security.STARTTLS)),
                List.of(password(Protocol.IMAP, "imap.example.org", 993, Security.TLS)), null);
        ExportInput in = ExportInput.of(p).withPassword("pw-for-587");
        ExportResult.Written msmtp = (ExportResult.Written) new MsmtpWriter().write(in);
        assertThat(msmtp.files().get(0).text()).contains("port 465\ntls on\n# implicit TLS (SSL/TLS)\ntls_starttls off\nauth xoauth2\n")
                .contains("auth on\nuser carol@example.org\npassword \"pw-for-587\"\n");
        assertThat(msmtp.files().get(0).holdsPassword()).isTrue();
        // Apple cannot carry the OAuth2 server, so it takes the password one and says why.
        ExportResult.Written apple = (ExportResult.Written) new AppleProfileWriter().write(ExportInput.of(p));
        assertThat(apple.files().get(0).text()).contains("<key>OutgoingMailServerPortNumber</key><integer>587</integer>");
        assertThat(apple.notes()).anyMatch(n -> n.startsWith("left out SMTP smtp.example.org port 465 (SSL/TLS): an Apple mail profile has no OAuth2 setting"));
    }

    @Test
    void jakartaWritesTheStoreForOAuth2WithPop3sTokenOnItsOwnLine() {
        AccountProfile p = account("carol@outlook.com", List.of(oauth2(Protocol.SMTP, "smtp-mail.outlook.com", 587, Security.STARTTLS, "XOAUTH2")),
                List.of(oauth2(Protocol.POP3, "outlook.office365.com", 995, Security.TLS, "XOAUTH2")), null);
        assertThat(text(new JakartaMailWriter().write(ExportInput.of(p)))).contains("mail.store.protocol=pop3\n")
                .contains("mail.pop3.ssl.enable=true\n").contains("mail.pop3.auth.mechanisms=XOAUTH2\n")
                .contains("mail.pop3.auth.xoauth2.two.line.authentication.format=true\n");
    }

    @Test
    void programsWithoutOauthbearerLeaveOutAServerTestedOnlyWithIt() {
        Map<String, ExportResult> r = writeAll(ownOAuth2Provider("OAUTHBEARER"));
        assertThat(refusal(r.get("jakarta"))).contains("has XOAUTH2 but no OAUTHBEARER");
        assertThat(refusal(r.get("spring"))).contains("has XOAUTH2 but no OAUTHBEARER");
    }

    @Test
    void providerTextCannotEndACommentOrAddALine() throws Exception {
        AccountProfile g = gmail();
        AccountProfile p = new AccountProfile(g.address(), "", g.outgoing(), g.incoming(), true,
                new Provider("x", "Evil --> <b>\nset smtp_pass = 'x'", ProviderNeeds.APP_PASSWORD, null,
                        List.of(new HelpLink("https://x.example/--><script>", "line\n#injected", "report"))));
        Map<String, ExportResult> r = writeAll(p);
        for (String id : r.keySet()) {
            if (r.get(id) instanceof ExportResult.Written) {
                assertThat(text(r.get(id)).lines()).as(id).noneMatch(l -> l.startsWith("#injected") || l.startsWith("set smtp_pass"));
            }
        }
        String xml = text(r.get("thunderbird"));
        assertThat(xml).doesNotContain("Evil -->").contains("Evil - -> <b>");
        validateAutoconfig(xml);
    }

    @Test
    void theHelpDeskReportSaysWhatTheProviderAcceptsAndLinksItsHelpBeforeTheRecommendation() {
        ObjectNode r = ExportFixtures.report(ExportFixtures.Mode.TLS).deepCopy();
        ((ObjectNode) r.get("recommended")).put("authMethod", "password");
        ObjectNode provider = r.putObject("provider").put("id", "googlemail.com").put("displayName", "Google Mail").put("needs", "APP_PASSWORD");
        provider.putNull("oauth2");
        provider.putArray("help").addObject().put("url", GMAIL_HELP.url()).put("description", GMAIL_HELP.description());
        String md = MarkdownRenderer.render(ReportDocument.from(r));
        assertThat(md).contains("## Provider\n\n- **Provider:** Google Mail (googlemail.com)\n- **Mail programs need:** an app password, not the normal password\n")
                .contains("Google Mail does not accept your normal password")
                .contains("| Sign in with app passwords | https://support.google.com/accounts/answer/185833 |")
                .contains("signs in with a password (PLAIN)");
        assertThat(md.indexOf("## Provider")).isLessThan(md.indexOf("## Recommendation"));
        assertThat(HtmlRenderer.render(ReportDocument.from(r))).contains("Google Mail does not accept your normal password");
    }

    @Test
    void theHelpDeskReportTellsAPasswordRunOnAnOAuth2OnlyProviderToSignIn() {
        ObjectNode r = ExportFixtures.report(ExportFixtures.Mode.TLS).deepCopy();
        ((ObjectNode) r.get("recommended")).put("authMethod", "password");
        r.putObject("provider").put("id", "outlook.com").put("displayName", "Outlook.com").put("needs", "OAUTH2").putArray("help");
        String md = MarkdownRenderer.render(ReportDocument.from(r));
        assertThat(md).contains("Outlook.com accepts only OAuth2 sign-in from mail programs: test again with --oauth2");
    }

    private static void validateAutoconfig(String xml) throws Exception {
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(Path.of("src/test/resources/export/schema/autoconfig-export.xsd").toFile()).newValidator()
                .validate(new StreamSource(new StringReader(xml)));
    }
}
