package dev.mailwizard.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The progress line on stderr: done/total, working, rate and ETA. On a terminal it rewrites one
 * line; in a log it prints a line at most every 5 seconds and at the end.
 */
final class BatchProgress {
    private final PrintStream err;
    private final int total;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private int done;
    private int working;
    private long lastPrint;

    BatchProgress(PrintStream err, int total, boolean terminal) {
        this.err = err;
        this.total = total;
        this.terminal = terminal;
    }

    synchronized void done(boolean works) {
        done++;
        if (works) {
            working++;
        }
        print(false);
    }

    synchronized void tick() {
        print(false);
    }

    synchronized void finish(boolean cancelled) {
        print(true);
        if (terminal) {
            err.println();
        }
        if (cancelled) {
            err.println("mailwizard batch: cancelled; " + done + " of " + total + " finished and written");
        }
        err.flush();
    }

    private void print(boolean force) {
        long now = System.nanoTime();
        long gap = terminal ? 200_000_000L : 5_000_000_000L;
        if (!force && now - lastPrint < gap) {
            return;
        }
        lastPrint = now;
        err.print((terminal ? "\r" : "") + line(now) + (terminal ? "\u001b[K" : "\n"));
        err.flush();
    }

    String line(long now) {
        double seconds = Math.max((now - started) / 1e9, 0.001);
        double rate = done / seconds;
        double left = (total - done) / rate;
        String eta = done == 0 || done == total ? "" : left < 1 ? ", less than 1 s left" : ", about " + duration(left) + " left";
        return String.format(Locale.ROOT, "[%d/%d] %d working, %.1f/s%s", done, total, working, rate, eta);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : s < 3600 ? (s / 60) + " min " + (s % 60) + " s" : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
