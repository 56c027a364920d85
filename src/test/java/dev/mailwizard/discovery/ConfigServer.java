package dev.mailwizard.discovery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
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

/** An HTTPS server on loopback for autoconfig and ISPDB tests, with a certificate from a test CA. */
final class ConfigServer implements AutoCloseable {
    /** What to answer for a path: status, body, extra headers, and a delay before answering. */
    record Reply(int status, String body, Map<String, String> headers, long delayMillis) {
        static Reply ok(String body) {
            return new Reply(200, body, Map.of("Content-Type", "text/xml"), 0);
        }
    }

    final DemoPki pki = DemoPki.newAuthority("Discovery Test CA");
    private final HttpsServer server;
    private final Map<String, Reply> routes = new ConcurrentHashMap<>();
    /** Every request line received, with its Authorization header if any. */
    final List<String> requests = new CopyOnWriteArrayList<>();

    ConfigServer(String... names) throws IOException {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(pki.issue(names).serverContext()));
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
            ex.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
