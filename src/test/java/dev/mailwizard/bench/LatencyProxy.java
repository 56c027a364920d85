package dev.mailwizard.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy on loopback that delays every chunk by a fixed time in each direction, in order, so
 * benchmarks see a network round trip (2 x delay) instead of loopback's microseconds. Bytes are
 * delayed, not throttled: like a long link, not a slow one.
 */
final class LatencyProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final long delayNanos;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "latency-proxy");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    LatencyProxy(int targetPort, long delayMillis) throws IOException {
        this.targetPort = targetPort;
        this.delayNanos = TimeUnit.MILLISECONDS.toNanos(delayMillis);
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        threads.execute(this::acceptLoop);
    }

    int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket server;
                try {
                    server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                } catch (IOException refused) {
                    // A closed port behind the proxy: reset the client, as the port itself would.
                    client.setSoLinger(true, 0);
                    client.close();
                    continue;
                }
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                pipe(client, server);
                pipe(server, client);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private record Chunk(byte[] data, int length, long due) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(due, ((Chunk) o).due);
        }
    }

    /** Reads from {@code from} and writes to {@code to} each chunk {@code delay} after it arrived. */
    private void pipe(Socket from, Socket to) {
        DelayQueue<Chunk> queue = new DelayQueue<>();
        Chunk end = new Chunk(new byte[0], -1, 0);
        threads.execute(() -> {
            byte[] buf = new byte[16384];
            try (InputStream in = from.getInputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    queue.put(new Chunk(java.util.Arrays.copyOf(buf, n), n, System.nanoTime() + delayNanos));
                }
            } catch (IOException ignored) {
                // the other side went away
            }
            queue.put(new Chunk(end.data(), -1, System.nanoTime() + delayNanos));
        });
        threads.execute(() -> {
            try (OutputStream out = to.getOutputStream()) {
                while (true) {
                    Chunk c = queue.take();
                    if (c.length() < 0) {
                        to.shutdownOutput();
                        return;
                    }
                    out.write(c.data(), 0, c.length());
                    out.flush();
                }
            } catch (IOException | InterruptedException ignored) {
                // closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        });
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        threads.shutdownNow();
    }
}
