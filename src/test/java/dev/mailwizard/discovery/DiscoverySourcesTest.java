package dev.mailwizard.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.DeclinedService;
import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.HostMapping;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;
import dev.mailwizard.model.ServerCandidate;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.SRVRecord;

/** Every source against local servers: a DNS responder on UDP and an HTTPS server with a test CA. */
class DiscoverySourcesTest {
    private static final EmailAddress ALICE = EmailAddress.parse("alice@example.test");
    private DnsResponder dns;
    private ConfigServer https;

    @BeforeEach
    void start() throws Exception {
        dns = new DnsResponder();
        https = new ConfigServer("autoconfig.example.test", "example.test", "ispdb.test", "autoconfig.other.test", "autoconfig.hoster.test");
    }

    @AfterEach
    void stop() {
        dns.close();
        https.close();
    }

    private DiscoveryConfig config(Duration http) {
        InetAddress lo = InetAddress.getLoopbackAddress();
        return new DiscoveryConfig(dns.address(), URI.create("https://ispdb.test:" + https.port() + "/v1.1/"),
                List.of(new HostMapping("autoconfig.example.test", lo), new HostMapping("example.test", lo),
                        new HostMapping("ispdb.test", lo), new HostMapping("autoconfig.other.test", lo),
                        new HostMapping("autoconfig.hoster.test", lo)),
                List.of(https.pki.caCertificate()), Duration.ofMillis(800), http, https.port(), 1);
    }

    private static Name n(String s) throws Exception {
        return Name.fromString(s);
    }

    private static SRVRecord srv(String name, int prio, int weight, int port, String target) throws Exception {
        return new SRVRecord(n(name), DClass.IN, 300, prio, weight, port, n(target));
    }

    private SrvFinder srvFinder() {
        return new SrvFinder(new DnsClient(dns.address(), Duration.ofMillis(800)));
    }

    static final String CONFIG = """
            <?xml version="1.0" encoding="UTF-8"?>
            <clientConfig version="1.1">
              <emailProvider id="example.test">
                <domain>example.test</domain>
                <unknownElement>ignored</unknownElement>
                <incomingServer type="imap">
                  <hostname>imap.%EMAILDOMAIN%</hostname><port>993</port><socketType>SSL</socketType>
                  <username>%EMAILADDRESS%</username>
                </incomingServer>
                <outgoingServer type="smtp">
                  <hostname>smtp.%EMAILDOMAIN%</hostname><port>465</port><socketType>SSL</socketType>
                  <username>%EMAILLOCALPART%</username>
                </outgoingServer>
                <outgoingServer type="smtp">
                  <hostname>smtp.%EMAILDOMAIN%</hostname><port>587</port><socketType>STARTTLS</socketType>
                </outgoingServer>
              </emailProvider>
            </clientConfig>
            """;

    @Test
    void srvRecordsAreOrderedByPriorityThenWeightAndInDomainTargetsAreTrusted() throws Exception {
        dns.add(srv("_submissions._tcp.example.test.", 10, 5, 465, "b.example.test."))
                .add(srv("_submissions._tcp.example.test.", 5, 1, 465, "a.example.test."))
                .add(srv("_submission._tcp.example.test.", 0, 0, 587, "mail.example.test."));
        SourceResult r = srvFinder().find(ALICE);
        assertThat(r).isInstanceOf(SourceResult.Found.class);
        List<ServerCandidate> c = ((SourceResult.Found) r).candidates();
        assertThat(c).extracting(ServerCandidate::host).containsExactly("a.example.test", "b.example.test", "mail.example.test");
        assertThat(c).extracting(ServerCandidate::security).containsExactly(Security.TLS, Security.TLS, Security.STARTTLS);
        assertThat(c).allMatch(ServerCandidate::trusted);
        assertThat(c.get(0).port()).isEqualTo(465);
    }

    @Test
    void incomingSrvRecordsGiveImapAndPop3Candidates() throws Exception {
        dns.add(srv("_imaps._tcp.example.test.", 0, 0, 993, "imap.example.test."))
                .add(srv("_pop3._tcp.example.test.", 0, 0, 110, "pop.example.test."));
        List<ServerCandidate> c = ((SourceResult.Found) srvFinder().find(ALICE)).candidates();
        assertThat(c).extracting(ServerCandidate::protocol).containsExactly(Protocol.IMAP, Protocol.POP3);
        assertThat(c).extracting(ServerCandidate::security).containsExactly(Security.TLS, Security.STARTTLS);
    }

    @Test
    void dotTargetMeansNotOffered() throws Exception {
        dns.add(srv("_submissions._tcp.example.test.", 0, 0, 0, "."));
        SourceResult r = srvFinder().find(ALICE);
        assertThat(r).isInstanceOf(SourceResult.NotFound.class);
        assertThat(r.summary()).contains("not offered");
    }

    @Test
    void dotTargetForEverySubmissionServiceStopsGuessingSmtpAndIsRecorded() throws Exception {
        dns.add(srv("_submissions._tcp.example.test.", 0, 0, 0, "."))
                .add(srv("_submission._tcp.example.test.", 0, 0, 0, "."));
        DiscoveryResult result = Discovery.standard(config(Duration.ofSeconds(3))).discover(ALICE);
        assertThat(result.declined()).extracting(DeclinedService::recordName)
                .containsExactly("_submissions._tcp.example.test", "_submission._tcp.example.test");
        assertThat(result.declinedProtocols()).containsExactly(Protocol.SMTP);
        // Guessing still answers for IMAP and POP3, but not for the service the domain said it does not offer.
        assertThat(result.candidates()).isNotEmpty().noneMatch(c -> c.protocol() == Protocol.SMTP);
        assertThat(result.notes()).anyMatch(n -> n.contains("no SMTP servers guessed"));
    }

    @Test
    void dotTargetForOneServiceKeepsTheOtherOne() throws Exception {
        dns.add(srv("_submissions._tcp.example.test.", 0, 0, 0, "."))
                .add(srv("_submission._tcp.example.test.", 0, 0, 587, "mail.example.test."));
        DiscoveryResult result = Discovery.standard(config(Duration.ofSeconds(3))).discover(ALICE);
        assertThat(result.declined()).extracting(DeclinedService::security).containsExactly(Security.TLS);
        assertThat(result.declinedProtocols()).isEmpty();
        assertThat(result.candidates()).anyMatch(c -> c.protocol() == Protocol.SMTP && c.host().equals("mail.example.test"));
    }

    @Test
    void foreignTargetIsUntrustedUnlessDnssecValidated() throws Exception {
        dns.add(srv("_submissions._tcp.example.test.", 0, 0, 465, "smtp.hoster.test."));
        ServerCandidate c = ((SourceResult.Found) srvFinder().find(ALICE)).candidates().get(0);
        assertThat(c.trusted()).isFalse();
        assertThat(c.detail()).contains("confirm");
        dns.authenticated(true);
        assertThat(((SourceResult.Found) srvFinder().find(ALICE)).candidates().get(0).trusted()).isTrue();
    }

    @Test
    void servfailAndSilenceAreFailuresAndNxdomainIsNotFound() {
        dns.mode(DnsResponder.Mode.SERVFAIL);
        assertThat(srvFinder().find(ALICE)).isInstanceOf(SourceResult.Failed.class).extracting(SourceResult::summary).asString().contains("SERVFAIL");
        dns.mode(DnsResponder.Mode.SILENT);
        assertThat(srvFinder().find(ALICE)).isInstanceOf(SourceResult.Failed.class).extracting(SourceResult::summary).asString().contains("timeout");
        dns.mode(DnsResponder.Mode.ANSWER);
        assertThat(srvFinder().find(ALICE)).isInstanceOf(SourceResult.NotFound.class);
    }

    @Test
    void autoconfigFileIsParsedWithPlaceholdersAndIncomingServersKept() {
        https.route("autoconfig.example.test/mail/config-v1.1.xml", ConfigServer.Reply.ok(CONFIG));
        DiscoveryConfig cfg = config(Duration.ofSeconds(3));
        SourceResult r = Discovery.standard(cfg).finderFor(CandidateSource.AUTOCONFIG).find(ALICE);
        assertThat(r).isInstanceOf(SourceResult.Found.class);
        List<ServerCandidate> c = ((SourceResult.Found) r).candidates();
        assertThat(c).extracting(ServerCandidate::protocol).containsExactly(Protocol.SMTP, Protocol.SMTP, Protocol.IMAP);
        assertThat(c.get(0).host()).isEqualTo("smtp.example.test");
        assertThat(c.get(0).port()).isEqualTo(465);
        assertThat(c).allMatch(ServerCandidate::trusted);
        // The address was sent to the HTTPS URL only, never to the plain-HTTP one.
        assertThat(https.requests).anyMatch(q -> q.startsWith("autoconfig.example.test/mail/config-v1.1.xml?emailaddress=alice%40example.test"));
    }

    @Test
    void xxeAttemptDoesNotReadLocalFiles(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String evil = "<?xml version=\"1.0\"?><!DOCTYPE clientConfig [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<clientConfig><emailProvider id=\"e\"><outgoingServer type=\"smtp\"><hostname>&x;</hostname><port>465</port>"
                + "<socketType>SSL</socketType></outgoingServer></emailProvider></clientConfig>";
        https.route("autoconfig.example.test/mail/config-v1.1.xml", ConfigServer.Reply.ok(evil));
        SourceResult r = Discovery.standard(config(Duration.ofSeconds(3))).finderFor(CandidateSource.AUTOCONFIG).find(ALICE);
        assertThat(r).isNotInstanceOf(SourceResult.Found.class);
        assertThat(r.summary()).doesNotContain("TOP-SECRET").contains("ignored");
    }

    @Test
    void redirectToAnotherDomainIsFollowedOverHttpsButUntrusted() {
        https.route("autoconfig.example.test/mail/config-v1.1.xml",
                new ConfigServer.Reply(302, "", Map.of("Location", "https://autoconfig.other.test:" + https.port() + "/mail/x.xml"), 0));
        https.route("autoconfig.other.test/mail/x.xml", ConfigServer.Reply.ok(CONFIG));
        SourceResult r = Discovery.standard(config(Duration.ofSeconds(3))).finderFor(CandidateSource.AUTOCONFIG).find(ALICE);
        assertThat(r).isInstanceOf(SourceResult.Found.class);
        assertThat(((SourceResult.Found) r).candidates()).noneMatch(ServerCandidate::trusted);
        assertThat(r.summary()).contains("another domain");
    }

    @Test
    void requestForAuthenticationIsRefusedAndNoCredentialsAreSent() {
        https.route("autoconfig.example.test/mail/config-v1.1.xml", new ConfigServer.Reply(401, "", Map.of("WWW-Authenticate", "Basic realm=\"x\""), 0));
        SourceResult r = Discovery.standard(config(Duration.ofSeconds(3))).finderFor(CandidateSource.AUTOCONFIG).find(ALICE);
        assertThat(r).isInstanceOf(SourceResult.Failed.class);
        assertThat(r.summary()).contains("authentication");
        assertThat(https.requests).noneMatch(q -> q.contains("Authorization"));
    }

    @Test
    void invalidXmlIsIgnoredWithAWarning() {
        https.route("autoconfig.example.test/mail/config-v1.1.xml", ConfigServer.Reply.ok("<clientConfig><oops>"));
        SourceResult r = Discovery.standard(config(Duration.ofSeconds(3))).finderFor(CandidateSource.AUTOCONFIG).find(ALICE);
        assertThat(r).isInstanceOf(SourceResult.Failed.class);
        assertThat(r.summary()).contains("invalid XML").contains("ignored");
    }

    /** Found by AutoconfigParserFuzzTest: the parser's message quoted the document, line breaks and all. */
    @Test
    void invalidXmlIsDescribedOnOneShortLine() {
        String broken = "<?xml version=\"1.\u00ff\n</username>\n" + "x".repeat(500) + "\n</clientConfig>";
        assertThatThrownBy(() -> AutoconfigParser.parse(broken, ALICE, CandidateSource.AUTOCONFIG, true, "test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid XML (")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(140));
    }

    @Test
    void slowResponseEndsAtTheHttpTimeout() {
        https.route("autoconfig.example.test/mail/config-v1.1.xml", new ConfigServer.Reply(200, CONFIG, Map.of(), 3000));
        SourceResult r = Discovery.standard(config(Duration.ofMillis(700))).finderFor(CandidateSource.AUTOCONFIG).find(ALICE);
        assertThat(r).isInstanceOf(SourceResult.Failed.class);
        assertThat(r.summary()).contains("no answer in time");
    }

    @Test
    void ispdbEntryIsFoundAndTrustedOverHttps() {
        https.route("ispdb.test/v1.1/example.test", ConfigServer.Reply.ok(CONFIG));
        SourceResult r = Discovery.standard(config(Duration.ofSeconds(3))).finderFor(CandidateSource.ISPDB).find(ALICE);
        assertThat(r).isInstanceOf(SourceResult.Found.class);
        assertThat(((SourceResult.Found) r).candidates()).allMatch(ServerCandidate::trusted);
    }

    @Test
    void mxHostedElsewhereFindsTheProvidersSettingsUntrusted() throws Exception {
        dns.add(new MXRecord(n("example.test."), DClass.IN, 300, 10, n("mx2.mail.bigmail.co.uk.")))
                .add(new MXRecord(n("example.test."), DClass.IN, 300, 5, n("mx1.mail.bigmail.co.uk.")));
        https.route("ispdb.test/v1.1/bigmail.co.uk", ConfigServer.Reply.ok(CONFIG.replace("%EMAILDOMAIN%", "bigmail.co.uk")));
        SourceResult r = Discovery.standard(config(Duration.ofSeconds(3))).finderFor(CandidateSource.MX).find(ALICE);
        assertThat(r).isInstanceOf(SourceResult.Found.class);
        List<ServerCandidate> c = ((SourceResult.Found) r).candidates();
        assertThat(c.get(0).host()).isEqualTo("smtp.bigmail.co.uk");
        assertThat(c).noneMatch(ServerCandidate::trusted);
        assertThat(c.get(0).detail()).contains("mx1.mail.bigmail.co.uk").contains("bigmail.co.uk");
    }

    @Test
    void mxHostedElsewhereTriesTheProvidersOwnAutoconfigFirst() throws Exception {
        dns.add(new MXRecord(n("example.test."), DClass.IN, 300, 10, n("mx.hoster.test.")));
        https.route("autoconfig.hoster.test/mail/config-v1.1.xml", ConfigServer.Reply.ok(CONFIG.replace("%EMAILDOMAIN%", "hoster.test")));
        SourceResult r = Discovery.standard(config(Duration.ofSeconds(3))).finderFor(CandidateSource.MX).find(ALICE);
        assertThat(r).isInstanceOf(SourceResult.Found.class);
        ServerCandidate c = ((SourceResult.Found) r).candidates().get(0);
        assertThat(c.host()).isEqualTo("smtp.hoster.test");
        assertThat(c.trusted()).isFalse();
        assertThat(c.detail()).contains("its autoconfig file");
    }

    private static String ispdbFile(String name) throws Exception {
        try (var in = DiscoverySourcesTest.class.getResourceAsStream("/dev/mailwizard/discovery/ispdb/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void theIspdbsProviderComesThroughDiscoveryMergedWithTheWellKnownProviders() throws Exception {
        https.route("ispdb.test/v1.1/example.test", ConfigServer.Reply.ok(ispdbFile("googlemail.com.xml")));
        DiscoveryResult result = Discovery.standard(config(Duration.ofSeconds(3))).discover(ALICE);
        assertThat(result.winner()).isEqualTo(CandidateSource.ISPDB);
        assertThat(result.candidates().get(0).authentication()).containsExactly("OAuth2", "password-cleartext");
        var provider = result.provider().orElseThrow();
        // example.test is not Gmail's own domain: a company domain on Google's servers.
        assertThat(provider.displayName()).isEqualTo("Google Workspace");
        assertThat(provider.needs()).isEqualTo(dev.mailwizard.model.ProviderNeeds.APP_PASSWORD);
        assertThat(provider.oauth2().issuer()).isEqualTo("accounts.google.com");
    }

    @Test
    void aFileReachedThroughARedirectToAnotherDomainNamesNoProvider() throws Exception {
        https.route("autoconfig.example.test/mail/config-v1.1.xml",
                new ConfigServer.Reply(302, "", Map.of("Location", "https://autoconfig.other.test:" + https.port() + "/mail/x.xml"), 0));
        https.route("autoconfig.other.test/mail/x.xml", ConfigServer.Reply.ok(ispdbFile("office365.com.xml")));
        SourceResult r = Discovery.standard(config(Duration.ofSeconds(3))).finderFor(CandidateSource.AUTOCONFIG).find(ALICE);
        assertThat(((SourceResult.Found) r).candidates()).isNotEmpty();
        // Its links and sign-in endpoints could be anyone's: not kept.
        assertThat(((SourceResult.Found) r).provider()).isNull();
    }

    @Test
    void theMxsIspdbFileNamesTheProviderWithItsLinksFromTheIspdb() throws Exception {
        dns.add(new MXRecord(n("example.test."), DClass.IN, 300, 5, n("mx1.mail.bigmail.co.uk.")));
        https.route("ispdb.test/v1.1/bigmail.co.uk", ConfigServer.Reply.ok(ispdbFile("googlemail.com.xml")));
        SourceResult.Found r = (SourceResult.Found) Discovery.standard(config(Duration.ofSeconds(3))).finderFor(CandidateSource.MX).find(ALICE);
        assertThat(r.provider().id()).isEqualTo("googlemail.com");
        assertThat(r.provider().help()).extracting(dev.mailwizard.model.HelpLink::source).containsOnly("ispdb");
        assertThat(r.candidates()).allSatisfy(c -> assertThat(c.authentication()).containsExactly("OAuth2", "password-cleartext"));
    }

    @Test
    void wholeDiscoveryPrefersSrvAndListsEverySource() throws Exception {
        dns.add(srv("_submissions._tcp.example.test.", 0, 0, 465, "mail.example.test."));
        https.route("autoconfig.example.test/mail/config-v1.1.xml", ConfigServer.Reply.ok(CONFIG));
        DiscoveryResult result = Discovery.standard(config(Duration.ofSeconds(3))).discover(ALICE);
        assertThat(result.winner()).isEqualTo(CandidateSource.SRV);
        assertThat(result.candidates().get(0).host()).isEqualTo("mail.example.test");
        assertThat(result.notes()).anyMatch(n -> n.startsWith("srv:") && n.contains("used first"));
    }
}
