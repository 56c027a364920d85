package dev.mailwizard.discovery;

import dev.mailwizard.model.HostMapping;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.http.ssl.TLS;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * An HTTP(S) GET for configuration files on Apache HttpClient (ADR 0011): host mappings
 * ({@code --resolve}) applied by its {@link DnsResolver} while SNI and the certificate check use
 * the name, TLS 1.2+, one deadline over the whole fetch, a size cap, and never any cookies,
 * credentials, proxies or retries. Redirects are the caller's decision.
 */
final class HttpFetcher {
    static final int MAX_BODY = 512 * 1024;
    /** Cancels a fetch at its deadline (the client has per-read timeouts only); a daemon, so the CLI can exit. */
    private static final ScheduledThreadPoolExecutor DEADLINES = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "http-deadline");
        t.setDaemon(true);
        return t;
    });

    static {
        DEADLINES.setRemoveOnCancelPolicy(true);
    }

    /** A response; header names are lower case. */
    record Response(int status, Map<String, String> headers, String body) {
    }

    private final DnsResolver resolver;
    private final TlsSocketStrategy tls;
    private final Duration timeout;

    HttpFetcher(List<HostMapping> hostMappings, List<X509Certificate> extraCas, Duration timeout) {
        this.resolver = new MappedResolver(hostMappings);
        this.tls = ClientTlsStrategyBuilder.create()
                .setSslContext(TrustedRoots.context(extraCas))
                .setTlsVersions(TLS.V_1_3, TLS.V_1_2)
                .setHostVerificationPolicy(HostnameVerificationPolicy.BUILTIN) // the JDK checks the name
                .buildClassic();
        this.timeout = timeout;
    }

    Response get(URI uri) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpGet request = new HttpGet(uri);
        ScheduledFuture<?> alarm = DEADLINES.schedule(request::cancel, timeout.toNanos(), TimeUnit.NANOSECONDS);
        // One client and one connection per fetch, closed at once: nothing is pooled, shared or left running.
        CloseableHttpClient client = client();
        try {
            return client.execute(request, response -> read(response, request));
        } catch (IOException e) {
            throw timedOut(deadline) || e instanceof InterruptedIOException ? new SocketTimeoutException("no answer in time") : plain(e);
        } catch (IllegalStateException e) {
            // How the client reports an exchange cancelled between two of its steps.
            if (timedOut(deadline)) {
                throw new SocketTimeoutException("no answer in time");
            }
            throw e;
        } finally {
            alarm.cancel(false);
            client.close(CloseMode.IMMEDIATE);
        }
    }

    /** Past the deadline, whatever broke (socket closed, request aborted) broke because the alarm cancelled it. */
    private static boolean timedOut(long deadline) {
        return System.nanoTime() - deadline >= 0;
    }

    private CloseableHttpClient client() {
        Timeout t = Timeout.of(timeout);
        BasicHttpClientConnectionManager connections = BasicHttpClientConnectionManager.create(DefaultSchemePortResolver.INSTANCE,
                resolver, RegistryBuilder.<TlsSocketStrategy>create().register("https", tls).build(), null);
        connections.setSocketConfig(SocketConfig.custom().setSoTimeout(t).build());
        connections.setConnectionConfig(ConnectionConfig.custom().setConnectTimeout(t).setSocketTimeout(t).build());
        return HttpClients.custom()
                .setConnectionManager(connections)
                // No proxy, even if the system names one: a proxy would resolve the name itself and ignore --resolve.
                .setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE))
                .setDefaultRequestConfig(RequestConfig.custom().setAuthenticationEnabled(false).setRedirectsEnabled(false)
                        .setProtocolUpgradeEnabled(false).setConnectionRequestTimeout(t).setResponseTimeout(t).build())
                .disableRedirectHandling()
                .disableAuthCaching()
                .disableCookieManagement()
                .disableAutomaticRetries()
                .disableContentCompression()
                .setUserAgent("MailWizard")
                .setDefaultHeaders(List.of(new BasicHeader("Accept", "application/xml, text/xml"), new BasicHeader("Connection", "close")))
                .build();
    }

    private static Response read(ClassicHttpResponse response, HttpGet request) throws IOException {
        Map<String, String> headers = new HashMap<>();
        for (Header h : response.getHeaders()) {
            headers.put(h.getName().toLowerCase(Locale.ROOT), h.getValue());
        }
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return new Response(response.getCode(), headers, "");
        }
        if (entity.getContentLength() > MAX_BODY) {
            throw tooLarge(request);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (InputStream in = entity.getContent()) {
            byte[] chunk = new byte[8192];
            for (int n; (n = in.read(chunk)) >= 0; ) {
                body.write(chunk, 0, n);
                if (body.size() > MAX_BODY) {
                    throw tooLarge(request);
                }
            }
        }
        return new Response(response.getCode(), headers, body.toString(StandardCharsets.UTF_8));
    }

    /** Drops the connection (the library would otherwise read the rest of the body) and says why. */
    private static IOException tooLarge(HttpGet request) {
        request.cancel();
        return new IOException("the response is larger than " + MAX_BODY / 1024 + " KiB");
    }

    /** The JDK's reason for a refused connection, without the library's restatement of the URL. */
    private static IOException plain(IOException e) {
        String message = e.getMessage();
        int failed = message == null ? -1 : message.indexOf(" failed: ");
        return e instanceof ConnectException && failed >= 0 ? new ConnectException(message.substring(failed + 9)) : e;
    }

    /** {@code --resolve} first, then the system's resolver; one address, as a mail client would use. */
    private record MappedResolver(Map<String, InetAddress> mappings) implements DnsResolver {
        MappedResolver(List<HostMapping> hostMappings) {
            this(toMap(hostMappings));
        }

        private static Map<String, InetAddress> toMap(List<HostMapping> hostMappings) {
            Map<String, InetAddress> m = new HashMap<>();
            hostMappings.forEach(h -> m.put(h.host(), h.address()));
            return Map.copyOf(m);
        }

        @Override
        public InetAddress[] resolve(String host) throws java.net.UnknownHostException {
            InetAddress mapped = mappings.get(host);
            return new InetAddress[]{mapped != null ? mapped : InetAddress.getByName(host)};
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }
}
