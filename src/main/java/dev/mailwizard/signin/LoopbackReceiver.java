package dev.mailwizard.signin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Where the browser brings the authorization answer back (RFC 8252 §7.3): an HTTP listener on
 * 127.0.0.1 with a port the system picks, redirect URI {@code http://127.0.0.1:PORT/}. It takes one
 * answer (a request to "/" carrying {@code code}, {@code error} or {@code state}; anything else, such
 * as the browser's favicon request, gets a 404), shows a page that sends the person back to
 * MailWizard, and stops listening when closed.
 */
final class LoopbackReceiver implements AutoCloseable {
    static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>MailWizard</title></head>
            <body style="font-family: sans-serif; margin: 3em">
            <h1>MailWizard has the answer</h1>
            <p>You can close this tab and return to MailWizard.</p>
            </body></html>
            """;

    private static final Set<String> ANSWER_PARAMETERS = Set.of("code", "error", "state");

    /** How the wait ended. */
    sealed interface Wait {
        /** The browser brought this URL (the redirect URI with the answer's parameters). */
        record Answer(URI callback) implements Wait {
        }

        record TimedOut() implements Wait {
        }

        record Cancelled() implements Wait {
        }
    }

    private final HttpServer server;
    private final CompletableFuture<URI> answer = new CompletableFuture<>();

    private LoopbackReceiver(HttpServer server) {
        this.server = server;
    }

    /** Starts listening on 127.0.0.1 (only the loopback interface) on an ephemeral port. */
    static LoopbackReceiver open() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        LoopbackReceiver receiver = new LoopbackReceiver(server);
        server.createContext("/", receiver::handle);
        server.start();
        return receiver;
    }

    URI redirectUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Waits for the answer until {@code limit} has passed or {@code cancel} completes (or the thread is interrupted). */
    Wait await(Duration limit, CompletableFuture<?> cancel) {
        try {
            Object first = CompletableFuture.anyOf(answer, cancel).get(Math.max(0, limit.toMillis()), TimeUnit.MILLISECONDS);
            return answer.isDone() && first instanceof URI uri ? new Wait.Answer(uri) : new Wait.Cancelled();
        } catch (TimeoutException e) {
            return new Wait.TimedOut();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Wait.Cancelled();
        } catch (ExecutionException e) {
            return new Wait.Cancelled(); // the cancel signal was completed exceptionally
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI request = exchange.getRequestURI();
            String query = request.getRawQuery();
            boolean isAnswer = "GET".equals(exchange.getRequestMethod()) && "/".equals(request.getRawPath()) && query != null
                    && Arrays.stream(query.split("&")).map(p -> p.split("=", 2)[0]).anyMatch(ANSWER_PARAMETERS::contains);
            if (!isAnswer || answer.isDone()) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] page = PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(page);
            }
            answer.complete(URI.create("http://127.0.0.1:" + port() + "/?" + query));
        }
    }

    /** Stops listening at once; the port is free afterwards. */
    @Override
    public void close() {
        server.stop(0);
    }
}
