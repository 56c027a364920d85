package dev.mailwizard.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwizard.model.OAuth2Endpoints;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registrations file: where it is, what a good one gives, and that every mistake is named with its fix. */
class RegistrationsFileTest {
    private static final String MICROSOFT = """
            {"registrations": [
              {"issuer": "login.microsoftonline.com",
               "hosts": ["outlook.office365.com", "smtp.office365.com"],
               "clientId": "0f2d-contoso", "clientSecret": null,
               "authorizationEndpoint": "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
               "tokenEndpoint": "https://login.microsoftonline.com/common/oauth2/v2.0/token",
               "scopes": ["https://outlook.office.com/SMTP.Send", "offline_access"]},
              {"issuer": "accounts.google.com", "hosts": ["gmail.com", "googlemail.com"],
               "clientId": "123-example.apps.googleusercontent.com", "clientSecret": "GOCSPX-desktop-secret"}
            ]}
            """;
    private static final OAuth2Endpoints GOOGLE_ISPDB = new OAuth2Endpoints("accounts.google.com", List.of("https://mail.google.com/"),
            "https://accounts.google.com/o/oauth2/auth", "https://www.googleapis.com/oauth2/v3/token");

    @TempDir
    Path dir;

    private RegistrationsFile file(String json) throws Exception {
        return RegistrationsFile.read(Files.writeString(dir.resolve("oauth2.json"), json));
    }

    private void assertRefused(String json, String message) throws Exception {
        Path f = Files.writeString(dir.resolve("oauth2.json"), json);
        assertThatThrownBy(() -> RegistrationsFile.read(f)).isInstanceOf(RegistrationException.class).hasMessage(f + message);
    }

    @Test
    void theDefaultPlaceFollowsTheSystemsConventions() {
        Path home = Path.of("/home/alice");
        assertThat(RegistrationsFile.defaultPath(Map.of(), "Linux", home)).isEqualTo(Path.of("/home/alice/.config/mailwizard/oauth2.json"));
        assertThat(RegistrationsFile.defaultPath(Map.of("XDG_CONFIG_HOME", "/srv/cfg"), "Linux", home))
                .isEqualTo(Path.of("/srv/cfg/mailwizard/oauth2.json"));
        assertThat(RegistrationsFile.defaultPath(Map.of("XDG_CONFIG_HOME", "relative/cfg"), "Linux", home))
                .as("a relative XDG_CONFIG_HOME is ignored").isEqualTo(Path.of("/home/alice/.config/mailwizard/oauth2.json"));
        assertThat(RegistrationsFile.defaultPath(Map.of(), "Mac OS X", home))
                .isEqualTo(Path.of("/home/alice/Library/Application Support/MailWizard/oauth2.json"));
        assertThat(RegistrationsFile.defaultPath(Map.of("APPDATA", "/users/alice/AppData/Roaming"), "Windows 11", home))
                .isEqualTo(Path.of("/users/alice/AppData/Roaming/MailWizard/oauth2.json"));
    }

    @Test
    void aServerMatchesItsNameOrAParentDomain() throws Exception {
        RegistrationsFile f = file(MICROSOFT);
        OAuth2Client ms = f.resolve(List.of("smtp.office365.com"), null).orElseThrow();
        assertThat(ms.clientId()).isEqualTo("0f2d-contoso");
        assertThat(ms.clientSecret()).isNull();
        assertThat(ms.tokenEndpoint()).isEqualTo(URI.create("https://login.microsoftonline.com/common/oauth2/v2.0/token"));
        assertThat(ms.scopes()).containsExactly("https://outlook.office.com/SMTP.Send", "offline_access");
        assertThat(f.resolve(List.of("imap.gmail.com"), GOOGLE_ISPDB)).get().extracting(OAuth2Client::clientId)
                .isEqualTo("123-example.apps.googleusercontent.com");
        assertThat(f.resolve(List.of("SMTP.GMAIL.COM."), GOOGLE_ISPDB)).isPresent();
        assertThat(f.resolve(List.of("notgmail.com", "mail.example.com"), GOOGLE_ISPDB)).as("a suffix that is not a parent domain").isEmpty();
    }

    @Test
    void whatTheEntryLeavesOutComesFromDiscoveryForTheSameIssuer() throws Exception {
        OAuth2Client google = file(MICROSOFT).resolve(List.of("smtp.gmail.com"), GOOGLE_ISPDB).orElseThrow();
        assertThat(google.authorizationEndpoint()).isEqualTo(URI.create("https://accounts.google.com/o/oauth2/auth"));
        assertThat(google.tokenEndpoint()).isEqualTo(URI.create("https://www.googleapis.com/oauth2/v3/token"));
        assertThat(google.scopes()).containsExactly("https://mail.google.com/");
        assertThat(google.clientSecret()).isEqualTo("GOCSPX-desktop-secret");
        assertThat(google.toString()).doesNotContain("GOCSPX");
    }

    @Test
    void anotherIssuersEndpointsAreNotBorrowed() throws Exception {
        Path f = dir.resolve("oauth2.json");
        OAuth2Endpoints other = new OAuth2Endpoints("login.evil.example", List.of("mail"), "https://login.evil.example/auth", "https://login.evil.example/token");
        assertThatThrownBy(() -> file(MICROSOFT).resolve(List.of("smtp.gmail.com"), other)).isInstanceOf(RegistrationException.class)
                .hasMessage(f + ": registrations[1] (issuer accounts.google.com) has no \"authorizationEndpoint\" and discovery found another"
                        + " issuer (login.evil.example): add \"authorizationEndpoint\"");
    }

    @Test
    void anEntryWithoutEndpointsNeedsDiscovery() throws Exception {
        Path f = dir.resolve("oauth2.json");
        assertThatThrownBy(() -> file(MICROSOFT).resolve(List.of("imap.gmail.com"), null)).isInstanceOf(RegistrationException.class)
                .hasMessage(f + ": registrations[1] (issuer accounts.google.com) has no \"authorizationEndpoint\" and discovery found none:"
                        + " add \"authorizationEndpoint\"");
        OAuth2Endpoints plainHttp = new OAuth2Endpoints("accounts.google.com", List.of("x"), "http://accounts.google.com/auth", "https://x.example/t");
        assertThatThrownBy(() -> file(MICROSOFT).resolve(List.of("imap.gmail.com"), plainHttp)).isInstanceOf(RegistrationException.class)
                .hasMessageContaining("takes its \"authorizationEndpoint\" from discovery, which found 'http://accounts.google.com/auth' is not an https URL");
        OAuth2Endpoints noScopes = new OAuth2Endpoints("accounts.google.com", List.of(), "https://a.example/auth", "https://a.example/token");
        assertThatThrownBy(() -> file(MICROSOFT).resolve(List.of("imap.gmail.com"), noScopes)).isInstanceOf(RegistrationException.class)
                .hasMessage(f + ": registrations[1] (issuer accounts.google.com) has no \"scopes\" and discovery found none:"
                        + " add the scopes the mail servers need");
    }

    @Test
    void everyMistakeIsNamedWithItsPlace() throws Exception {
        assertRefused("{\"registrations\": [{\"issuer\": \"x\", \"hosts\": [\"a.example\"]}]}",
                ": registrations[0].clientId is missing: add the client id of your organisation's app registration");
        assertRefused("{\"registrations\": [{\"issuer\": \"x\", \"clientId\": \"c\"}]}",
                ": registrations[0].hosts is missing: list the mail server names (or their domains) this registration is for");
        assertRefused("{\"registrations\": [{\"hosts\": [\"a.example\"], \"clientId\": \"c\"}]}",
                ": registrations[0].issuer is missing: add the issuer's name, e.g. login.microsoftonline.com");
        assertRefused("{\"registrations\": [{\"issuer\": \"x\", \"hosts\": [\"a.example\"], \"clientId\": \"c\", \"tokenEndpoint\": \"http://x.example/token\"}]}",
                ": registrations[0].tokenEndpoint 'http://x.example/token' is not an https URL: tokens and codes travel only over verified HTTPS");
        assertRefused("{\"registrations\": [{\"issuer\": \"x\", \"hosts\": [\"a.example\"], \"clientId\": \"c\", \"scopes\": \"mail\"}]}",
                ": registrations[0].scopes must be a list of strings, e.g. [\"https://mail.google.com/\"]");
        assertRefused("{\"registrations\": [{\"issuer\": \"x\", \"hosts\": [\"bad host\"], \"clientId\": \"c\"}]}",
                ": registrations[0].hosts[0] is not a host name: " + hostError("bad host"));
        assertRefused("{\"registrations\": [{\"issuer\": \"x\", \"hosts\": [\"a.example\"], \"clientId\": 42}]}",
                ": registrations[0].clientId must be a string");
        assertRefused("[]", " has no \"registrations\" list: it must be {\"registrations\": [...]}");
        assertRefused("", " has no \"registrations\" list: it must be {\"registrations\": [...]}");
    }

    @Test
    void badJsonIsPlacedWithoutQuotingTheFile() throws Exception {
        String json = "{\"registrations\": [{\"issuer\": \"x\", \"clientSecret\": GOCSPX-typed-without-quotes}]}";
        Path f = Files.writeString(dir.resolve("oauth2.json"), json);
        assertThatThrownBy(() -> RegistrationsFile.read(f)).isInstanceOf(RegistrationException.class)
                .hasMessage(f + " is not valid JSON (line 1, column 52): it must be {\"registrations\": [...]}")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("GOCSPX"));
    }

    @Test
    void aNamedFileMustExistTheDefaultOneMayNot() {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> RegistrationsFile.read(missing)).isInstanceOf(RegistrationException.class)
                .hasMessage(missing + " does not exist: write the registrations there (see the README, \"Sign in with OAuth2\")");
        RegistrationsFile none = RegistrationsFile.readIfPresent(missing);
        assertThat(none.registrations()).isEmpty();
        assertThat(none.path()).isEqualTo(missing);
        assertThat(none.resolve(List.of("smtp.gmail.com"), GOOGLE_ISPDB)).isEmpty();
    }

    @Test
    void theClientSecretIsFoundByIssuerAndClientId() throws Exception {
        RegistrationsFile f = file(MICROSOFT);
        assertThat(f.clientSecret("https://accounts.google.com", "123-example.apps.googleusercontent.com")).isEqualTo("GOCSPX-desktop-secret");
        assertThat(f.clientSecret("accounts.google.com", "another-client")).isNull();
        assertThat(f.clientSecret("login.microsoftonline.com", "0f2d-contoso")).isNull();
    }

    @Test
    void issuersMatchAsHostNamesOrExactUrls() {
        assertThat(Issuers.same("accounts.google.com", "https://accounts.google.com")).isTrue();
        assertThat(Issuers.same("login.microsoftonline.com", "https://login.microsoftonline.com/9188040d/v2.0")).isTrue();
        assertThat(Issuers.same("https://localhost:8443/mailwizard", "https://localhost:8443/mailwizard/")).isTrue();
        assertThat(Issuers.same("https://localhost:8443/mailwizard", "https://localhost:8443/other")).isFalse();
        assertThat(Issuers.same("accounts.google.com", "http://accounts.google.com")).as("not https").isFalse();
        assertThat(Issuers.same("accounts.google.com", "https://accounts.google.com.evil.example")).isFalse();
        assertThat(Issuers.same("accounts.google.com", null)).isFalse();
    }

    private static String hostError(String host) {
        try {
            dev.mailwizard.model.HostNames.toAscii(host);
            throw new AssertionError(host + " was accepted");
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
