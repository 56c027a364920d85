package dev.mailwizard.probe;

import java.time.Duration;

/** One wall-clock deadline shared by every phase of a probe. */
public final class Deadline {
    private final long startNanos;
    private final long endNanos;

    private Deadline(long startNanos, Duration budget) {
        this.startNanos = startNanos;
        this.endNanos = startNanos + budget.toNanos();
    }

    public static Deadline in(Duration budget) {
        return new Deadline(System.nanoTime(), budget);
    }

    public boolean expired() {
        return System.nanoTime() - endNanos >= 0;
    }

    /** Milliseconds left, at least 1 so it can be handed to socket timeouts (where 0 means forever). */
    public int remainingMillis() {
        long left = (endNanos - System.nanoTime()) / 1_000_000L;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left));
    }

    public long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }

    /** Nanoseconds from now until the deadline (negative once passed). */
    public long remainingNanos() {
        return endNanos - System.nanoTime();
    }
}
