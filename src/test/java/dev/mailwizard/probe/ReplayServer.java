package dev.mailwizard.probe;

import dev.mailwizard.demo.DemoPki;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A loopback mail server that plays a {@link ServerScript} as the server side of every connection
 * (the probe's diagnosis and, when it gets that far, Jakarta Mail's login), and records each line
 * the client sent and whether TLS protected it. One server serves a whole fuzzing run:
 * {@link #play} installs the next script; connections take the script current when they arrive.
 */
final class ReplayServer implements Closeable {
    /** How long the server waits for a client line before it plays its next turn anyway. */
    private static final int CLIENT_LINE_WAIT_MS = 50;
    private static final int MAX_LINE = 4096;

    record Received(String line, boolean overTls) {
    }

    /** One execution: the script and what its connections received. */
    static final class Session {
        final ServerScript script;
        final List<Received> received = new CopyOnWriteArrayList<>();
        private final AtomicInteger open = new AtomicInteger();

        private Session(ServerScript script) {
            this.script = script;
        }

        /** Waits until every connection of this session has ended (the client closes them all). */
        void awaitQuiet(long millis) {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            while (open.get() > 0 && System.nanoTime() < end) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private final ServerSocket listener;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "replay-server");
        t.setDaemon(true);
        return t;
    });
    private final Map<ServerScript.Tls, SSLContext> contexts = new EnumMap<>(ServerScript.Tls.class);
    private final AtomicReference<Session> current = new AtomicReference<>();

    ReplayServer() {
        contexts.put(ServerScript.Tls.UNTRUSTED, DemoPki.selfSigned(ProbeHarness.HOST).serverContext());
        contexts.put(ServerScript.Tls.WRONG_HOST, ProbeHarness.PKI.issue("other.demo.test").serverContext());
        contexts.put(ServerScript.Tls.VERIFIED, ProbeHarness.GOOD_CERT.serverContext());
        try {
            listener = new ServerSocket();
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a loopback port", e);
        }
        workers.execute(this::acceptLoop);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Connections from now on play this script. */
    Session play(ServerScript script) {
        Session s = new Session(script);
        current.set(s);
        return s;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                Session session = current.get();
                session.open.incrementAndGet();
                workers.execute(() -> {
                    try (socket) {
                        serve(socket, session);
                    } catch (IOException | RuntimeException e) {
                        // the client left or the handshake failed: what the fuzzer asked for
                    } finally {
                        session.open.decrementAndGet();
                    }
                });
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket plain, Session session) throws IOException {
        ServerScript script = session.script;
        Socket socket = plain;
        boolean overTls = false;
        if (script.security() == dev.mailwizard.model.Security.TLS && script.tls() != ServerScript.Tls.NONE) {
            socket = startTls(plain, script.tls());
            overTls = true;
        }
        Iterator<byte[]> turns = script.turns().iterator();
        if (turns.hasNext()) {
            send(socket, turns.next());
        }
        while (true) {
            String line = readLine(socket);
            if (line == null) {
                return; // the client closed
            }
            if (!line.isEmpty()) {
                session.received.add(new Received(line, overTls));
            }
            if (!overTls && script.tls() != ServerScript.Tls.NONE && ServerScript.asksForTls(line) && turns.hasNext()) {
                send(socket, turns.next()); // the answer to STARTTLS, then the handshake
                socket = startTls(plain, script.tls());
                overTls = true;
                continue; // after TLS the client speaks first
            }
            if (!turns.hasNext()) {
                break;
            }
            send(socket, turns.next());
        }
        if (script.silentAtEnd()) {
            socket.setSoTimeout(0);
            socket.getInputStream().transferTo(OutputStream.nullOutputStream());
        }
    }

    private SSLSocket startTls(Socket plain, ServerScript.Tls tls) throws IOException {
        SSLSocket s = (SSLSocket) contexts.get(tls).getSocketFactory().createSocket(plain, null, plain.getPort(), true);
        s.setUseClientMode(false);
        SSLParameters p = s.getSSLParameters();
        p.setProtocols(new String[]{"TLSv1.3", "TLSv1.2"});
        s.setSSLParameters(p);
        s.setSoTimeout(2000);
        s.startHandshake();
        return s;
    }

    private static void send(Socket socket, byte[] bytes) throws IOException {
        if (bytes.length > 0) {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        }
    }

    /**
     * One line from the client without its line break; "" when none came in time (the client is
     * waiting for more from us); null when the client closed.
     */
    private static String readLine(Socket socket) throws IOException {
        socket.setSoTimeout(CLIENT_LINE_WAIT_MS);
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                if (line.size() == 0) {
                    return "";
                }
                socket.setSoTimeout(1000); // the rest of a line that has started
                continue;
            }
            if (b < 0) {
                return line.size() == 0 ? null : text(line);
            }
            if (b == '\n') {
                return text(line);
            }
            if (line.size() < MAX_LINE) {
                line.write(b);
            }
        }
    }

    private static String text(ByteArrayOutputStream line) {
        String s = line.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing
        }
        workers.shutdownNow();
    }
}
