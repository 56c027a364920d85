package dev.mailwizard.probe;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Enforces a probe's wall-clock deadline on every socket the probe opens: when the deadline
 * passes, or the run is cancelled, all of them are closed, which unblocks any read, write or
 * TLS handshake at once, whatever the server does.
 */
final class SocketGuard implements Closeable {
    private final List<Closeable> open = new ArrayList<>();
    private final ScheduledFuture<?> alarm;
    private volatile boolean fired;
    private volatile boolean cancelled;

    SocketGuard(Deadline deadline, ScheduledExecutorService timer) {
        this.alarm = timer.schedule(this::fire, Math.max(0, deadline.remainingNanos()), TimeUnit.NANOSECONDS);
    }

    synchronized void add(Closeable socket) {
        if (fired || cancelled) {
            quietly(socket);
        } else {
            open.add(socket);
        }
    }

    /** The deadline passed: close everything. */
    void fire() {
        fired = true;
        closeAll();
    }

    /** The user cancelled: close everything. */
    void cancel() {
        cancelled = true;
        closeAll();
    }

    boolean fired() {
        return fired;
    }

    boolean cancelled() {
        return cancelled;
    }

    private void closeAll() {
        List<Closeable> copy;
        synchronized (this) {
            copy = new ArrayList<>(open);
            open.clear();
        }
        copy.forEach(SocketGuard::quietly);
    }

    @Override
    public void close() {
        alarm.cancel(false);
        closeAll();
    }

    private static void quietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing to unblock; nothing to report
        }
    }
}
