package dev.mailwizard.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped table of well-known providers, and how a broken table is reported. */
class KnownProvidersTest {
    private static final KnownProviders TABLE = KnownProviders.bundled();

    private static KnownProviders read(String json) {
        return KnownProviders.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    @Test
    void theIssuesProvidersAreThereAndEveryLinkIsHttpsAndSaysWhereItCameFrom() {
        assertThat(TABLE.all()).extracting(KnownProvider::displayName)
                .contains("Gmail", "Outlook.com", "Microsoft 365", "Yahoo", "AOL", "iCloud Mail", "Fastmail");
        for (KnownProvider p : TABLE.all()) {
            assertThat(p.help()).as(p.id()).isNotEmpty().allSatisfy(l -> {
                assertThat(URI.create(l.url()).getScheme()).isEqualTo("https");
                assertThat(l.source()).isNotBlank();
            });
        }
    }

    @Test
    void whatAHintLinksToIsThePageForWhatTheProviderNeeds() {
        for (KnownProvider p : TABLE.all()) {
            if (p.needs() == ProviderNeeds.APP_PASSWORD) {
                assertThat(p.help().get(0).purpose()).as(p.id()).isEqualTo(KnownProvider.Purpose.APP_PASSWORD);
                assertThat(p.toProvider(false).help().get(0).url()).isEqualTo(p.help().get(0).url());
            }
        }
        assertThat(TABLE.byId("hotmail.com").orElseThrow().needs()).isEqualTo(ProviderNeeds.OAUTH2);
        assertThat(TABLE.byId("MessagingEngine").orElseThrow().needs()).isEqualTo(ProviderNeeds.APP_PASSWORD);
    }

    @Test
    void addressesAreKnownByTheirDomainAndServersByTheLongestServerDomain() {
        assertThat(TABLE.forAddressDomain("gmail.com")).map(KnownProvider::displayName).contains("Gmail");
        assertThat(TABLE.forAddressDomain("HOTMAIL.CO.UK")).map(KnownProvider::displayName).contains("Outlook.com");
        assertThat(TABLE.forAddressDomain("contoso.onmicrosoft.com")).map(KnownProvider::displayName).contains("Microsoft 365");
        assertThat(TABLE.forAddressDomain("example.com")).isEmpty();
        assertThat(TABLE.forServer("smtp.gmail.com")).map(KnownProvider::id).contains("googlemail.com");
        assertThat(TABLE.forServer("outlook.office365.com")).map(KnownProvider::id).contains("office365.com");
        assertThat(TABLE.forServer("smtp-mail.outlook.com")).map(KnownProvider::id).contains("hotmail.com");
        assertThat(TABLE.forServer("contoso-com.mail.protection.outlook.com.")).map(KnownProvider::id).contains("office365.com");
        assertThat(TABLE.forServer("mta7.am0.yahoodns.net")).map(KnownProvider::id).contains("yahoo.com");
        assertThat(TABLE.forServer("mx-aol.mail.gm0.yahoodns.net")).map(KnownProvider::id).contains("aol.com");
        assertThat(TABLE.forServer("gmail.com.evil.test")).isEmpty();
        assertThat(TABLE.isHelpSite("support.google.com")).isTrue();
        assertThat(TABLE.isHelpSite("support.google.com.evil.test")).isFalse();
    }

    @Test
    void theRefusalHelpOfTheOldTableIsKept() {
        KnownProvider gmail = TABLE.byId("googlemail.com").orElseThrow();
        assertThat(gmail.refusalHelp(LoginDiagnosis.CREDENTIALS_WRONG)).contains("https://support.google.com/mail/answer/14257");
        assertThat(gmail.refusalHelp(LoginDiagnosis.WEB_LOGIN_REQUIRED)).contains("https://support.google.com/mail/accounts/answer/78754");
        assertThat(TABLE.forServer("smtp.office365.com").orElseThrow().refusalHelp(LoginDiagnosis.AUTH_DISABLED_BY_ADMIN))
                .contains("https://aka.ms/smtp_auth_disabled");
        assertThat(TABLE.byId("yahoo.com").orElseThrow().appPasswordForMailApps()).isTrue();
        assertThat(gmail.appPasswordForMailApps()).isFalse();
    }

    @Test
    void aBrokenTableSaysWhichEntryAndFieldIsWrong() {
        String entry = "{\"providers\": [{\"id\": \"x.test\", \"displayName\": \"X\", \"help\": [%s]}]}";
        assertThatThrownBy(() -> read(entry.formatted(
                "{\"purpose\": \"settings\", \"url\": \"http://x.test/help\", \"description\": \"d\", \"source\": \"s\"}")))
                .hasMessageContaining("provider x.test").hasMessageContaining("http://x.test/help is not an https link");
        assertThatThrownBy(() -> read(entry.formatted(
                "{\"purpose\": \"settings\", \"url\": \"https://x.test/help\", \"description\": \"d\"}")))
                .hasMessageContaining("source (where the link came from) is missing");
        assertThatThrownBy(() -> read(entry.formatted(
                "{\"purpose\": \"refusal\", \"url\": \"https://x.test/h\", \"description\": \"d\", \"refusals\": [\"NOPE\"], \"source\": \"s\"}")))
                .hasMessageContaining("NOPE, which is no diagnosis");
        assertThatThrownBy(() -> read("{\"providers\": [{\"id\": \"x.test\", \"displayName\": \"X\", \"needs\": \"APP_PASSWORD\"}]}"))
                .hasMessageContaining("needsSource");
        assertThatThrownBy(() -> read("{\"providers\": [{\"id\": \"x.test\", \"displayNme\": \"X\"}]}"))
                .hasMessageContaining("test.json cannot be read").hasMessageContaining("displayNme");
        assertThat(read("{\"providers\": []}").all()).isEqualTo(List.of());
    }

    @Test
    void theAdviceNamesThePasswordToUseAndTheSignInPage() {
        Provider gmail = TABLE.byId("googlemail.com").orElseThrow().toProvider(false);
        assertThat(ProviderAdvice.passwordSentence(gmail, "Gmail"))
                .isEqualTo("Gmail does not accept your normal password here: create an app password or sign in with Google.");
        Provider icloud = TABLE.byId("me.com").orElseThrow().toProvider(false);
        assertThat(ProviderAdvice.signInPossible(icloud)).isFalse();
        assertThat(ProviderAdvice.passwordSentence(icloud, "It")).isEqualTo("It does not accept your normal password here: create an app password.");
        Provider outlook = TABLE.byId("hotmail.com").orElseThrow().toProvider(false);
        assertThat(ProviderAdvice.passwordSentence(outlook, "Outlook.com"))
                .isEqualTo("Outlook.com does not accept a password from mail programs here: sign in with Microsoft.");
        Provider plain = new Provider("gmx.net", "GMX Freemail", ProviderNeeds.PASSWORD, null, List.of());
        assertThat(ProviderAdvice.passwordSentence(plain, "GMX Freemail")).isEmpty();
        assertThat(ProviderAdvice.passwordSentence(null, "x")).isEmpty();
        assertThat(ProviderAdvice.signInName(new Provider("sso.test", "SSO Mail", ProviderNeeds.OAUTH2, null, List.of()))).isEqualTo("SSO Mail");
    }
}
