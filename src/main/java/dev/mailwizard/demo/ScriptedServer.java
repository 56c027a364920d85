package dev.mailwizard.demo;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * What every scripted mail server shares: a loopback port, a thread per connection, TLS on
 * demand, and a record of every line received (and whether TLS protected it) so tests can check
 * what a client really sent.
 */
public abstract class ScriptedServer implements Closeable {
    /** A line the server received. */
    public record Received(String line, boolean overTls) {
    }

    private final ServerSocket listener;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scripted-server");
        t.setDaemon(true);
        return t;
    });
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger maxOpen = new AtomicInteger();
    private final AtomicInteger authAttempts = new AtomicInteger();
    /** Notified whenever a connection opens or ends or a line arrives (see {@link #waitUntil}). */
    private final Object events = new Object();
    private volatile boolean closed;

    protected ScriptedServer() {
        try {
            listener = new ServerSocket();
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a loopback port for the scripted server", e);
        }
    }

    /** Starts accepting; subclasses call this at the end of their constructor. */
    protected final void startAccepting() {
        workers.execute(this::acceptLoop);
    }

    /** Serves one connection; the socket is closed afterwards. */
    protected abstract void serve(Socket socket) throws IOException;

    public int port() {
        return listener.getLocalPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Lines received without TLS. */
    public List<String> receivedInClear() {
        return received.stream().filter(r -> !r.overTls()).map(Received::line).toList();
    }

    public int authAttempts() {
        return authAttempts.get();
    }

    public int connections() {
        return connections.get();
    }

    /** The most connections that were open at the same time. */
    public int maxOpenConnections() {
        return maxOpen.get();
    }

    /** Connections open now (a client's connection counts until both sides have closed it). */
    public int openConnections() {
        return open.get();
    }

    /**
     * Blocks until {@code condition} holds for this server, checking it again each time a
     * connection opens or ends or a line arrives (no polling); false if {@code timeout} passes
     * first. For tests that must act at a given point of a client's conversation.
     */
    public boolean waitUntil(Predicate<? super ScriptedServer> condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (events) {
            while (!condition.test(this)) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(events, left);
            }
            return true;
        }
    }

    private void changed() {
        synchronized (events) {
            events.notifyAll();
        }
    }

    protected void record(String line, boolean overTls) {
        received.add(new Received(line == null ? "" : line, overTls));
        changed();
    }

    protected void countAuthAttempt() {
        authAttempts.incrementAndGet();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = listener.accept();
                // Each reply line goes out as written, as a real server's flushed reply does; with Nagle on,
                // the line after a TLS session ticket or a reply's first line waited for the client's
                // delayed ACK, 40 ms a time (BatchBench measured 90 ms of a 98 ms probe in those waits).
                s.setTcpNoDelay(true);
                connections.incrementAndGet();
                sockets.add(s);
                maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                changed();
                try {
                    workers.execute(() -> {
                        try (s) {
                            serve(s);
                        } catch (IOException | RuntimeException e) {
                            // the client went away or the handshake failed: normal for a test server
                        } finally {
                            open.decrementAndGet();
                            changed();
                        }
                    });
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    // close() shut the workers down while this connection was being accepted: drop it
                    s.close();
                    open.decrementAndGet();
                    changed();
                    return;
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Starts TLS as the server side of {@code plain}. */
    protected SSLSocket wrap(Socket plain, SSLContext tls, List<String> protocols) throws IOException {
        return handshake((SSLSocket) tls.getSocketFactory().createSocket(plain, null, plain.getPort(), true), protocols);
    }

    /**
     * Starts TLS like an old server that knows only {@code protocols} (TLSv1, TLSv1.1): when the
     * ClientHello offers none of them, it hangs up without a TLS alert, as some old servers do
     * (Java's own server side would answer with a protocol_version alert). Null after hanging up.
     */
    protected SSLSocket wrapLikeOldServer(Socket plain, SSLContext tls, List<String> protocols) throws IOException {
        byte[] hello = HelloInspector.readRecord(plain.getInputStream());
        if (!HelloInspector.offersAny(hello, protocols)) {
            return null;
        }
        return handshake((SSLSocket) tls.getSocketFactory().createSocket(plain, new java.io.ByteArrayInputStream(hello), true), protocols);
    }

    /** Reads the ClientHello, answers it with a fatal TLS alert and hangs up. */
    protected static void alertOnHello(Socket plain, int description) throws IOException {
        HelloInspector.readRecord(plain.getInputStream());
        HelloInspector.sendFatalAlert(plain.getOutputStream(), description);
    }

    private SSLSocket handshake(SSLSocket s, List<String> protocols) throws IOException {
        s.setUseClientMode(false);
        SSLParameters p = s.getSSLParameters();
        p.setProtocols(protocols.toArray(String[]::new));
        s.setSSLParameters(p);
        sockets.add(s);
        s.startHandshake();
        return s;
    }

    protected static java.io.BufferedReader reader(Socket s) throws IOException {
        return new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
    }

    protected static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads and ignores everything until the client leaves (a tarpit, a stalled handshake). */
    protected static void idle(Socket socket) {
        try {
            socket.getInputStream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // closed
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        workers.shutdownNow();
        try {
            workers.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
