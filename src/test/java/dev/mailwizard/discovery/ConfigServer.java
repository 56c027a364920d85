package dev.mailwizard.discovery;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.mailwizard.demo.DemoPki;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLParameters;

/** An HTTPS server on loopback for autoconfig and ISPDB tests, with a certificate from a test CA. */
final class ConfigServer implements AutoCloseable {
    /**
     * What to answer for a path: status, body, extra headers, a delay before answering, and (when
     * {@code chunkSize} > 0) a chunked body sent {@code chunkSize} bytes at a time with a pause between.
     */
    record Reply(int status, String body, Map<String, String> headers, long delayMillis, int chunkSize, long pauseMillis) {
        Reply(int status, String body, Map<String, String> headers, long delayMillis) {
            this(status, body, headers, delayMillis, 0, 0);
        }

        static Reply ok(String body) {
            return new Reply(200, body, Map.of("Content-Type", "text/xml"), 0);
        }

        /** A 200 whose body comes in pieces of {@code chunkSize} bytes, {@code pauseMillis} apart, with no length. */
        static Reply chunked(String body, int chunkSize, long pauseMillis) {
            return new Reply(200, body, Map.of("Content-Type", "text/xml"), 0, chunkSize, pauseMillis);
        }
    }

    final DemoPki pki = DemoPki.newAuthority("Discovery Test CA");
    private final HttpsServer server;
    private final Map<String, Reply> routes = new ConcurrentHashMap<>();
    /** Every request line received, with its Authorization header if any. */
    final List<String> requests = new CopyOnWriteArrayList<>();
    /** The headers of every request received, in order. */
    final List<Headers> requestHeaders = new CopyOnWriteArrayList<>();

    ConfigServer(String... names) throws IOException {
        this(List.of(), names);
    }

    /** A server that speaks only the given TLS versions (none given: the JDK's). */
    ConfigServer(List<String> tlsVersions, String... names) throws IOException {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(pki.issue(names).serverContext()) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = getSSLContext().getDefaultSSLParameters();
                if (!tlsVersions.isEmpty()) {
                    p.setProtocols(tlsVersions.toArray(new String[0]));
                }
                params.setSSLParameters(p);
            }
        });
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "config-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", new Handler());
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Route by host and path, e.g. "autoconfig.example.test/mail/config-v1.1.xml". */
    ConfigServer route(String hostAndPath, Reply reply) {
        routes.put(hostAndPath, reply);
        return this;
    }

    private final class Handler implements HttpHandler {
        @Override
        public void handle(HttpExchange ex) throws IOException {
            String host = ex.getRequestHeaders().getFirst("Host");
            host = host == null ? "" : host.replaceFirst(":\\d+$", "");
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            requests.add(host + ex.getRequestURI() + (auth == null ? "" : " Authorization: " + auth));
            requestHeaders.add(ex.getRequestHeaders());
            Reply r = routes.getOrDefault(host + ex.getRequestURI().getPath(), new Reply(404, "not found", Map.of(), 0));
            if (r.delayMillis() > 0) {
                try {
                    Thread.sleep(r.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
            if (r.chunkSize() > 0) {
                sendChunked(ex, r, body);
                return;
            }
            ex.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
            ex.close();
        }

        private void sendChunked(HttpExchange ex, Reply r, byte[] body) throws IOException {
            ex.sendResponseHeaders(r.status(), 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < body.length; i += r.chunkSize()) {
                    out.write(body, i, Math.min(r.chunkSize(), body.length - i));
                    out.flush();
                    if (r.pauseMillis() > 0) {
                        Thread.sleep(r.pauseMillis());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // The client hung up (as it should, past its deadline or its size cap).
            }
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
