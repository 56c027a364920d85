package dev.mailwizard.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.HelpLink;
import dev.mailwizard.model.OAuth2Endpoints;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Provider;
import dev.mailwizard.model.ProviderNeeds;
import dev.mailwizard.model.Security;
import dev.mailwizard.model.ServerCandidate;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The merge rule of {@link ProviderResolution}: what a file stated, merged with the table of well-known providers. */
class ProviderResolutionTest {
    private static Provider ispdb(String file, String address) throws Exception {
        try (InputStream in = ProviderResolutionTest.class.getResourceAsStream("/dev/mailwizard/discovery/ispdb/" + file)) {
            return AutoconfigParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), EmailAddress.parse(address),
                    CandidateSource.ISPDB, true, "ISPDB entry").provider();
        }
    }

    private static ServerCandidate server(String host) {
        return new ServerCandidate(Protocol.SMTP, host, 465, Security.TLS, CandidateSource.MX, false, "MX");
    }

    @Test
    void gmailFromTheIspdbTakesTheTablesNameNeedsAndLinksFirstAndTheFilesEndpointsAndLinksAfter() throws Exception {
        Provider p = ProviderResolution.resolve("gmail.com", ispdb("googlemail.com.xml", "alice@gmail.com"), List.of()).orElseThrow();
        assertThat(p.id()).isEqualTo("googlemail.com");
        assertThat(p.displayName()).isEqualTo("Gmail");
        assertThat(p.needs()).isEqualTo(ProviderNeeds.APP_PASSWORD);
        assertThat(p.oauth2().tokenEndpoint()).isEqualTo("https://www.googleapis.com/oauth2/v3/token");
        assertThat(p.help()).extracting(HelpLink::url).containsExactly("https://support.google.com/accounts/answer/185833",
                "https://support.google.com/mail/answer/7126229", "https://mail.google.com/mail/?ui=2&shva=1#settings/fwdandpop");
        assertThat(p.help()).extracting(HelpLink::source).containsExactly("providers", "providers", "ispdb");
        // Links only for refused logins stay with the diagnosis.
        assertThat(p.help()).extracting(HelpLink::url).doesNotContain("https://support.google.com/mail/answer/14257");
    }

    @Test
    void withoutTheNetworkTheTableAloneKnowsGmailAndItsSignIn() {
        Provider p = ProviderResolution.resolve("googlemail.com", null, List.of()).orElseThrow();
        assertThat(p.displayName()).isEqualTo("Gmail");
        assertThat(p.needs()).isEqualTo(ProviderNeeds.APP_PASSWORD);
        assertThat(p.oauth2().issuer()).isEqualTo("accounts.google.com");
    }

    @Test
    void aCompanyDomainWhoseServersAreGooglesIsGoogleWorkspace() throws Exception {
        Provider byServers = ProviderResolution.resolve("firma.test", null, List.of(server("aspmx.l.google.com"), server("smtp.gmail.com")))
                .orElseThrow();
        assertThat(byServers.displayName()).isEqualTo("Google Workspace");
        assertThat(byServers.needs()).isEqualTo(ProviderNeeds.APP_PASSWORD);
        // The MX pointed at Google, so the ISPDB's Google file came back: matched by its id.
        Provider byFile = ProviderResolution.resolve("firma.test", ispdb("googlemail.com.xml", "alice@firma.test"), List.of()).orElseThrow();
        assertThat(byFile.displayName()).isEqualTo("Google Workspace");
    }

    @Test
    void microsoftNeedsOAuth2AndTheLongestServerDomainTellsOutlookComFromMicrosoft365() throws Exception {
        Provider outlook = ProviderResolution.resolve("hotmail.de", ispdb("hotmail.com.xml", "alice@hotmail.de"), List.of()).orElseThrow();
        assertThat(outlook.displayName()).isEqualTo("Outlook.com");
        assertThat(outlook.needs()).isEqualTo(ProviderNeeds.OAUTH2);
        assertThat(outlook.oauth2()).as("the table's, since hotmail.com.xml has none").isNotNull();
        assertThat(ProviderResolution.resolve("contoso.test", null, List.of(server("contoso-test.mail.protection.outlook.com"))))
                .map(Provider::displayName).contains("Microsoft 365");
        assertThat(ProviderResolution.resolve(null, null, List.of(server("smtp-mail.outlook.com")))).map(Provider::displayName).contains("Outlook.com");
    }

    @Test
    void theFilesOAuth2OnlyWinsTheTablesAppPasswordAndPasswordsOnlyLoseToIt() throws Exception {
        Provider stated = new Provider("yahoo.com", "Yahoo! Mail", ProviderNeeds.OAUTH2, null, List.of());
        assertThat(ProviderResolution.resolve("yahoo.com", stated, List.of()).orElseThrow().needs()).isEqualTo(ProviderNeeds.OAUTH2);
        // iCloud's file names only password-cleartext; Apple says mail programs need an app-specific password.
        Provider icloud = ProviderResolution.resolve("icloud.com", ispdb("me.com.xml", "alice@icloud.com"), List.of()).orElseThrow();
        assertThat(icloud.needs()).isEqualTo(ProviderNeeds.APP_PASSWORD);
        assertThat(icloud.help().get(0).url()).isEqualTo("https://support.apple.com/en-us/102654");
        assertThat(icloud.help()).extracting(HelpLink::url).containsOnlyOnce("https://support.apple.com/HT202304");
    }

    @Test
    void aProviderTheTableDoesNotKnowIsWhatItsFileSaysAndNoneWithoutOne() {
        Provider stated = new Provider("example.test", "Example Mail", ProviderNeeds.PASSWORD,
                new OAuth2Endpoints("login.example.test", List.of("mail"), "https://login.example.test/a", "https://login.example.test/t"),
                List.of(new HelpLink("https://help.example.test/imap", "Turn IMAP on", "autoconfig")));
        assertThat(ProviderResolution.resolve("example.test", stated, List.of(server("smtp.example.test")))).contains(stated);
        assertThat(ProviderResolution.resolve("example.test", null, List.of(server("smtp.example.test")))).isEqualTo(Optional.empty());
        assertThat(ProviderResolution.resolve(null, null, List.of())).isEmpty();
    }
}
