package dev.mailwizard.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.HostMapping;
import dev.mailwizard.model.ServerCandidate;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules every config-file fetch keeps (ADR 0011), against a local HTTPS server with a test CA:
 * {@code --resolve} with the name's certificate, TLS 1.2+, the trusted CAs, the redirect policy,
 * the size cap, the deadline, and no cookies, credentials or proxies.
 */
class ConfigFileFetcherTest {
    private static final EmailAddress ALICE = EmailAddress.parse("alice@example.test");
    private static final String NAME = "autoconfig.example.test";
    private static final String PATH = "/mail/config-v1.1.xml";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private ConfigServer https;

    @BeforeEach
    void start() throws IOException {
        https = new ConfigServer(NAME, "other.example.test", "autoconfig.other.test");
    }

    @AfterEach
    void stop() {
        https.close();
    }

    private static List<HostMapping> toLoopback(String... names) {
        return java.util.Arrays.stream(names).map(n -> new HostMapping(n, InetAddress.getLoopbackAddress())).toList();
    }

    private ConfigFileFetcher fetcher(Duration timeout, List<X509Certificate> cas) {
        return new ConfigFileFetcher(new HttpFetcher(toLoopback(NAME, "other.example.test", "autoconfig.other.test", "wrong.test"), cas, timeout));
    }

    private ConfigFileFetcher fetcher() {
        return fetcher(TIMEOUT, List.of(https.pki.caCertificate()));
    }

    private URI url(String host, String path) {
        return URI.create("https://" + host + ":" + https.port() + path);
    }

    private SourceResult fetch(ConfigFileFetcher f, URI uri) {
        return f.fetch(uri, ALICE, CandidateSource.AUTOCONFIG, true, "autoconfig file at");
    }

    private static List<ServerCandidate> found(SourceResult r) {
        assertThat(r).as(r.summary()).isInstanceOf(SourceResult.Found.class);
        return ((SourceResult.Found) r).candidates();
    }

    private static ConfigServer.Reply redirect(int status, String location) {
        return new ConfigServer.Reply(status, "", Map.of("Location", location), 0);
    }

    @Test
    void aMappedNameIsReachedAtItsAddressAndCheckedAgainstItsOwnCertificate() {
        https.route(NAME + PATH, ConfigServer.Reply.ok(DiscoverySourcesTest.CONFIG));
        List<ServerCandidate> c = found(fetch(fetcher(), url(NAME, PATH)));
        assertThat(c).isNotEmpty().allMatch(ServerCandidate::trusted);
        assertThat(https.requestHeaders.get(0).getFirst("Host")).isEqualTo(NAME + ":" + https.port());
    }

    @Test
    void aMappedNameTheCertificateDoesNotCoverFailsBeforeAnyRequest() {
        https.route("wrong.test" + PATH, ConfigServer.Reply.ok(DiscoverySourcesTest.CONFIG));
        SourceResult r = fetch(fetcher(), url("wrong.test", PATH));
        assertThat(r).isInstanceOf(SourceResult.Failed.class);
        assertThat(r.summary()).contains("TLS failed");
        assertThat(https.requests).isEmpty();
    }

    @Test
    void aServerFromACaNotTrustedFails() {
        https.route(NAME + PATH, ConfigServer.Reply.ok(DiscoverySourcesTest.CONFIG));
        SourceResult r = fetch(fetcher(TIMEOUT, List.of()), url(NAME, PATH));
        assertThat(r).isInstanceOf(SourceResult.Failed.class);
        assertThat(r.summary()).contains("TLS failed");
    }

    @ParameterizedTest
    @CsvSource({"TLSv1.3, true", "TLSv1.2, true", "TLSv1.1, false", "TLSv1, false"})
    void onlyTls12AndLaterAreSpoken(String version, boolean works) throws IOException {
        try (ConfigServer only = new ConfigServer(List.of(version), NAME)) {
            only.route(NAME + PATH, ConfigServer.Reply.ok(DiscoverySourcesTest.CONFIG));
            ConfigFileFetcher f = new ConfigFileFetcher(new HttpFetcher(toLoopback(NAME), List.of(only.pki.caCertificate()), TIMEOUT));
            SourceResult r = f.fetch(URI.create("https://" + NAME + ":" + only.port() + PATH), ALICE, CandidateSource.AUTOCONFIG, true, "x");
            if (works) {
                assertThat(found(r)).isNotEmpty();
            } else {
                assertThat(r).isInstanceOf(SourceResult.Failed.class);
                assertThat(r.summary()).contains("TLS failed");
                assertThat(only.requests).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void aRedirectWithinTheDomainIsFollowedAndStaysTrusted(int status) {
        https.route(NAME + PATH, redirect(status, "/mail/moved.xml"));
        https.route(NAME + "/mail/moved.xml", ConfigServer.Reply.ok(DiscoverySourcesTest.CONFIG));
        SourceResult r = fetch(fetcher(), url(NAME, PATH));
        assertThat(found(r)).allMatch(ServerCandidate::trusted);
        assertThat(((SourceResult.Found) r).notes()).isEmpty();
        assertThat(https.requests).containsExactly(NAME + PATH, NAME + "/mail/moved.xml");
    }

    @Test
    void aRedirectToAnotherHostOfTheSameDomainStaysTrusted() {
        https.route(NAME + PATH, redirect(302, url("other.example.test", "/x.xml").toString()));
        https.route("other.example.test/x.xml", ConfigServer.Reply.ok(DiscoverySourcesTest.CONFIG));
        assertThat(found(fetch(fetcher(), url(NAME, PATH)))).allMatch(ServerCandidate::trusted);
    }

    @Test
    void aRedirectToPlainHttpIsNotFollowed() {
        https.route(NAME + PATH, redirect(302, "http://" + NAME + ":" + https.port() + "/mail/plain.xml"));
        SourceResult r = fetch(fetcher(), url(NAME, PATH));
        assertThat(r).isInstanceOf(SourceResult.Failed.class);
        assertThat(r.summary()).contains("not HTTPS: not followed");
        assertThat(https.requests).containsExactly(NAME + PATH);
    }

    @Test
    void threeRedirectsAreFollowed() {
        https.route(NAME + "/1", redirect(302, "/2")).route(NAME + "/2", redirect(302, "/3")).route(NAME + "/3", redirect(302, "/4"))
                .route(NAME + "/4", ConfigServer.Reply.ok(DiscoverySourcesTest.CONFIG));
        assertThat(found(fetch(fetcher(), url(NAME, "/1")))).isNotEmpty();
    }

    @Test
    void aFourthRedirectIsTooMany() {
        https.route(NAME + "/1", redirect(302, "/2")).route(NAME + "/2", redirect(302, "/3")).route(NAME + "/3", redirect(302, "/4"))
                .route(NAME + "/4", redirect(302, "/5")).route(NAME + "/5", ConfigServer.Reply.ok(DiscoverySourcesTest.CONFIG));
        SourceResult r = fetch(fetcher(), url(NAME, "/1"));
        assertThat(r).isInstanceOf(SourceResult.Failed.class);
        assertThat(r.summary()).contains("too many redirects");
        assertThat(https.requests).hasSize(4);
    }

    @Test
    void aRedirectWithoutALocationIsAnAnswerNotARedirect() {
        https.route(NAME + PATH, new ConfigServer.Reply(302, "", Map.of(), 0));
        SourceResult r = fetch(fetcher(), url(NAME, PATH));
        assertThat(r).isInstanceOf(SourceResult.Failed.class);
        assertThat(r.summary()).contains("answered HTTP 302");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aResponseOverTheSizeCapIsRefused(boolean chunked) {
        String big = "x".repeat(HttpFetcher.MAX_BODY + 1);
        https.route(NAME + PATH, chunked ? ConfigServer.Reply.chunked(big, 64 * 1024, 0) : ConfigServer.Reply.ok(big));
        SourceResult r = fetch(fetcher(), url(NAME, PATH));
        assertThat(r).isInstanceOf(SourceResult.Failed.class);
        assertThat(r.summary()).contains("larger than 512 KiB");
    }

    @Test
    void aFileJustUnderTheSizeCapIsRead() {
        String padded = DiscoverySourcesTest.CONFIG + "<!--" + "x".repeat(HttpFetcher.MAX_BODY - DiscoverySourcesTest.CONFIG.length() - 8) + "-->";
        https.route(NAME + PATH, ConfigServer.Reply.chunked(padded, 64 * 1024, 0));
        assertThat(found(fetch(fetcher(), url(NAME, PATH)))).isNotEmpty();
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aServerThatDripsItsAnswerEndsAtTheDeadline() {
        // One byte every 100 ms: every read gets an answer in time, only the whole fetch is too slow.
        https.route(NAME + PATH, ConfigServer.Reply.chunked(DiscoverySourcesTest.CONFIG, 1, 100));
        long start = System.nanoTime();
        SourceResult r = fetch(fetcher(Duration.ofMillis(700), List.of(https.pki.caCertificate())), url(NAME, PATH));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(r).isInstanceOf(SourceResult.Failed.class);
        assertThat(r.summary()).contains("no answer in time");
        assertThat(millis).isLessThan(3000);
    }

    @Test
    void cookiesAreNeitherKeptNorSent() {
        https.route(NAME + PATH, new ConfigServer.Reply(302, "", Map.of("Location", "/mail/moved.xml", "Set-Cookie", "session=abc; Path=/"), 0));
        https.route(NAME + "/mail/moved.xml", ConfigServer.Reply.ok(DiscoverySourcesTest.CONFIG));
        assertThat(found(fetch(fetcher(), url(NAME, PATH)))).isNotEmpty();
        assertThat(https.requestHeaders).hasSize(2).noneMatch(h -> h.containsKey("Cookie"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"401|WWW-Authenticate", "407|Proxy-Authenticate"})
    void aRequestForAuthenticationIsRefusedWithNothingSent(int status, String challenge) {
        https.route(NAME + PATH, new ConfigServer.Reply(status, "", Map.of(challenge, "Basic realm=\"x\""), 0));
        SourceResult r = fetch(fetcher(), url(NAME, PATH));
        assertThat(r).isInstanceOf(SourceResult.Failed.class);
        assertThat(r.summary()).contains("asks for authentication: refused");
        assertThat(https.requestHeaders).hasSize(1)
                .noneMatch(h -> h.containsKey("Authorization") || h.containsKey("Proxy-Authorization"));
    }

    @Test
    void theRequestNamesMailWizardAndClosesItsConnection() {
        https.route(NAME + PATH, ConfigServer.Reply.ok(DiscoverySourcesTest.CONFIG));
        found(fetch(fetcher(), url(NAME, PATH)));
        Headers h = https.requestHeaders.get(0);
        assertThat(h.getFirst("User-Agent")).contains("MailWizard");
        assertThat(h.getFirst("Connection")).isEqualToIgnoringCase("close");
    }

    @Test
    void aSystemProxyIsNotUsedSoTheMappingHolds() {
        List<URI> asked = new CopyOnWriteArrayList<>();
        ProxySelector before = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                asked.add(uri);
                return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(InetAddress.getLoopbackAddress(), 1)));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            }
        });
        try {
            https.route(NAME + PATH, ConfigServer.Reply.ok(DiscoverySourcesTest.CONFIG));
            assertThat(found(fetch(fetcher(), url(NAME, PATH)))).isNotEmpty();
            // The JDK's own socket still asks about SOCKS ("socket://"), as it did before; HTTP proxies are never asked for.
            assertThat(asked).noneMatch(u -> u.getScheme().startsWith("http"));
        } finally {
            ProxySelector.setDefault(before);
        }
    }

    @Test
    void noThreadThatWouldKeepTheCliAliveIsLeftBehind() {
        https.route(NAME + PATH, ConfigServer.Reply.ok(DiscoverySourcesTest.CONFIG));
        Set<Thread> before = nonDaemonThreads();
        found(fetch(fetcher(), url(NAME, PATH)));
        found(fetch(fetcher(), url(NAME, PATH)));
        Set<Thread> after = nonDaemonThreads();
        after.removeAll(before);
        assertThat(after).isEmpty();
    }

    private static Set<Thread> nonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !t.isDaemon()).collect(Collectors.toSet());
    }
}
