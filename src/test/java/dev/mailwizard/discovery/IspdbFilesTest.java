package dev.mailwizard.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.HelpLink;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Provider;
import dev.mailwizard.model.ProviderNeeds;
import dev.mailwizard.model.ServerCandidate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The real ISPDB files of the big providers (verbatim, see the fixtures' README) as the parser reads them. */
class IspdbFilesTest {
    private static AutoconfigFile read(String file, String address) throws IOException {
        try (InputStream in = IspdbFilesTest.class.getResourceAsStream("/dev/mailwizard/discovery/ispdb/" + file)) {
            return AutoconfigParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), EmailAddress.parse(address),
                    CandidateSource.ISPDB, true, "ISPDB entry");
        }
    }

    @Test
    void gmailKeepsEveryAuthenticationInOrderItsOAuth2ElementAndOnlyItsHttpsLinks() throws Exception {
        AutoconfigFile gmail = read("googlemail.com.xml", "alice@gmail.com");
        assertThat(gmail.servers()).extracting(ServerCandidate::host).containsExactly("smtp.gmail.com", "imap.gmail.com", "pop.gmail.com");
        assertThat(gmail.servers()).allSatisfy(s -> assertThat(s.authentication()).containsExactly("OAuth2", "password-cleartext"));
        assertThat(gmail.servers()).allMatch(ServerCandidate::offersOAuth2);
        Provider p = gmail.provider();
        assertThat(p.id()).isEqualTo("googlemail.com");
        assertThat(p.displayName()).isEqualTo("Google Mail");
        // OAuth2 and a password are both named: the file alone does not say which one Gmail needs.
        assertThat(p.needs()).isNull();
        assertThat(p.oauth2().issuer()).isEqualTo("accounts.google.com");
        assertThat(p.oauth2().scopes()).containsExactly("https://mail.google.com/", "https://www.googleapis.com/auth/contacts",
                "https://www.googleapis.com/auth/calendar", "https://www.googleapis.com/auth/carddav");
        assertThat(p.oauth2().authorizationEndpoint()).isEqualTo("https://accounts.google.com/o/oauth2/auth");
        assertThat(p.oauth2().tokenEndpoint()).isEqualTo("https://www.googleapis.com/oauth2/v3/token");
        // The <enable> page is https; the four <documentation> links are http://mail.google.com/... and are dropped.
        assertThat(p.help()).extracting(HelpLink::url).containsExactly("https://mail.google.com/mail/?ui=2&shva=1#settings/fwdandpop");
        assertThat(p.help().get(0).description()).isEqualTo("You need to enable IMAP access");
        assertThat(p.help().get(0).source()).isEqualTo("ispdb");
    }

    @Test
    void microsoftFilesNameOnlyOAuth2SoTheProviderNeedsIt() throws Exception {
        AutoconfigFile m365 = read("office365.com.xml", "alice@contoso.onmicrosoft.com");
        // The ews, owa, graph and exchange servers are not ours to test; SMTP, IMAP and POP3 are kept.
        assertThat(m365.servers()).extracting(ServerCandidate::protocol).containsExactly(Protocol.SMTP, Protocol.IMAP, Protocol.POP3);
        assertThat(m365.provider().needs()).isEqualTo(ProviderNeeds.OAUTH2);
        assertThat(m365.provider().oauth2().scopes()).contains("https://outlook.office365.com/SMTP.Send", "offline_access");
        AutoconfigFile outlook = read("hotmail.com.xml", "alice@outlook.com");
        assertThat(outlook.provider().needs()).isEqualTo(ProviderNeeds.OAUTH2);
        assertThat(outlook.provider().oauth2()).as("hotmail.com.xml has no <oAuth2> element").isNull();
        assertThat(outlook.provider().help()).extracting(HelpLink::description).containsExactly("POP, IMAP, and SMTP settings for Outlook.com");
    }

    @Test
    void yahooAndAolDescribeTheirDocumentationInEnglish() throws Exception {
        Provider yahoo = read("yahoo.com.xml", "alice@yahoo.com").provider();
        assertThat(yahoo.displayName()).isEqualTo("Yahoo! Mail");
        assertThat(yahoo.oauth2().scopes()).containsExactly("mail-w");
        assertThat(yahoo.help()).extracting(HelpLink::description).containsExactly(
                "How to setup email applications with imap to receive Yahoo! mail?",
                "How to setup email applications with pop to receive Yahoo! mail?");
        Provider aol = read("aol.com.xml", "alice@aol.com").provider();
        assertThat(aol.oauth2().tokenEndpoint()).isEqualTo("https://api.login.aol.com/oauth2/get_token");
        assertThat(aol.help()).hasSize(1);
    }

    @Test
    void icloudNamesOnlyPasswordsAndADocumentationLinkWithoutWords() throws Exception {
        AutoconfigFile icloud = read("me.com.xml", "alice@icloud.com");
        assertThat(icloud.servers()).allSatisfy(s -> assertThat(s.authentication()).containsExactly("password-cleartext"));
        assertThat(icloud.provider().needs()).isEqualTo(ProviderNeeds.PASSWORD);
        assertThat(icloud.provider().oauth2()).isNull();
        assertThat(icloud.provider().help()).singleElement().satisfies(l -> {
            assertThat(l.url()).isEqualTo("https://support.apple.com/HT202304");
            assertThat(l.description()).isEqualTo("Setup instructions from the provider");
        });
    }

    @Test
    void hostileTextAndLinksAreMadeSafe() {
        String xml = """
                <clientConfig version="1.1">
                  <emailProvider id="evil.test">
                    <displayName>Evil\u202e Mail\u2028x</displayName>
                    <outgoingServer type="smtp"><hostname>smtp.evil.test</hostname><port>465</port><socketType>SSL</socketType>
                      <authentication>OAuth2\u200f</authentication><authentication>  </authentication></outgoingServer>
                    <enable visiturl="javascript:alert(1)"><instruction>click</instruction></enable>
                    <documentation url="http://evil.test/plain"><descr>plain</descr></documentation>
                    <documentation url="https://help.evil.test/ok"><descr lang="de">Hilfe</descr><descr lang="en">Help
                       on two lines</descr></documentation>
                  </emailProvider>
                  <oAuth2><issuer>evil.test</issuer><scope>a  b</scope><authURL>http://evil.test/auth</authURL>
                    <tokenURL>https://evil.test/token</tokenURL></oAuth2>
                </clientConfig>
                """;
        AutoconfigFile file = AutoconfigParser.parse(xml, EmailAddress.parse("a@evil.test"), CandidateSource.AUTOCONFIG, true, "t");
        assertThat(file.servers().get(0).authentication()).containsExactly("OAuth2\\u200f");
        Provider p = file.provider();
        assertThat(p.displayName()).isEqualTo("Evil\\u202e Mail\\u2028x");
        assertThat(p.help()).extracting(HelpLink::url).containsExactly("https://help.evil.test/ok");
        assertThat(p.help().get(0).description()).isEqualTo("Help on two lines");
        assertThat(p.help().get(0).source()).isEqualTo("autoconfig");
        // An endpoint that is not https is left out.
        assertThat(p.oauth2().authorizationEndpoint()).isNull();
        assertThat(p.oauth2().tokenEndpoint()).isEqualTo("https://evil.test/token");
        assertThat(p.oauth2().scopes()).containsExactly("a", "b");
    }

    @Test
    void aFileWithoutAProviderNamesNone() {
        String xml = "<clientConfig><emailProvider><outgoingServer type=\"smtp\"><hostname>smtp.x.test</hostname><port>465</port>"
                + "<socketType>SSL</socketType></outgoingServer></emailProvider></clientConfig>";
        AutoconfigFile file = AutoconfigParser.parse(xml, EmailAddress.parse("a@x.test"), CandidateSource.AUTOCONFIG, true, "t");
        assertThat(file.provider()).isNull();
        assertThat(file.servers().get(0).authentication()).isEmpty();
        assertThat(file.servers().get(0).offersOAuth2()).isFalse();
    }
}
