package dev.mailwizard.cli;

import dev.mailwizard.probe.ProbeListener;
import dev.mailwizard.probe.ProbeResult;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** One stderr line per finished probe, so a person sees the run move. */
final class ProgressPrinter implements ProbeListener {
    private final PrintStream err;
    private final int total;
    private final AtomicInteger done = new AtomicInteger();

    ProgressPrinter(PrintStream err, int total) {
        this.err = err;
        this.total = total;
    }

    @Override
    public void finished(ProbeResult r) {
        int n = done.incrementAndGet();
        synchronized (err) {
            err.printf(Locale.ROOT, "[%d/%d] %s:%d %s -> %s (%d ms)%n", n, total, r.endpoint().host(), r.endpoint().port(),
                    r.endpoint().security(), r.outcome(), r.timings().totalMs());
        }
    }
}
