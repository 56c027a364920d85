package dev.mailwizard.cli;

import dev.mailwizard.probe.ProbeJob;
import dev.mailwizard.probe.ProbeReport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs the lines of a batch: at most {@code concurrency} at once, started in input order, each
 * line's job cancelled at the per-line deadline. Every result goes to a sink as soon as its line
 * ends and is not kept (the sink, {@link BatchOutput}, puts them in input order and lets each go
 * once written, so a long batch is never held in memory). {@link #cancel()} (Ctrl-C) cancels the
 * running jobs and starts no more lines, so the lines never started are a suffix of the input.
 * Threads come from an {@link Executor} and time from a {@link Timer}, so tests drive both by hand.
 */
final class BatchRunner {
    /** A line's probe job: a {@link ProbeJob} in the program, a stand-in in tests. */
    interface Job {
        ProbeReport run();

        void cancel();

        static Job of(ProbeJob job) {
            return new Job() {
                @Override
                public ProbeReport run() {
                    return job.run();
                }

                @Override
                public void cancel() {
                    job.cancel();
                }
            };
        }
    }

    /** Makes a line's job (parsing it, finding its servers); a {@link UsageException} makes the line bad. */
    @FunctionalInterface
    interface Jobs {
        Job create(BatchItem item);
    }

    /** Runs a task after a delay: a scheduled executor in the program, a hand-advanced clock in tests. */
    @FunctionalInterface
    interface Timer {
        /** Returns the handle that stops the task if it has not run yet. */
        Scheduled schedule(Runnable task, Duration delay);
    }

    /** A task waiting in a {@link Timer}. */
    @FunctionalInterface
    interface Scheduled {
        void cancel();
    }

    private final Executor executor;
    private final Timer timer;
    private final int concurrency;
    private final Duration perLine;
    private final Consumer<BatchOutput.Result> sink;
    private final Object lock = new Object();
    private final Set<Job> running = new HashSet<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private List<BatchItem> items = List.of();
    private Jobs jobs;
    private int next;
    private int active;
    private boolean cancelled;

    BatchRunner(Executor executor, Timer timer, int concurrency, Duration perLine, Consumer<BatchOutput.Result> sink) {
        this.executor = executor;
        this.timer = timer;
        this.concurrency = concurrency;
        this.perLine = perLine;
        this.sink = sink;
    }

    /**
     * Starts the lines; call once. The future completes when every line started has ended (and its
     * result reached the sink) and no more will start.
     */
    CompletableFuture<Void> run(List<BatchItem> lines, Jobs jobsForLines) {
        synchronized (lock) {
            this.items = List.copyOf(lines);
            this.jobs = jobsForLines;
        }
        advance();
        return done;
    }

    /** Ctrl-C: cancels the running jobs (their partial reports are still results) and starts no more lines. */
    void cancel() {
        synchronized (lock) {
            cancelled = true;
            running.forEach(Job::cancel);
        }
        advance();
    }

    boolean cancelled() {
        synchronized (lock) {
            return cancelled;
        }
    }

    /** Starts lines while there is room; ends the run once nothing runs and nothing more will start. */
    private void advance() {
        List<Integer> start = new ArrayList<>();
        boolean over;
        synchronized (lock) {
            while (!cancelled && active < concurrency && next < items.size()) {
                start.add(next++);
                active++;
            }
            over = active == 0 && (cancelled || next == items.size());
        }
        if (over) {
            done.complete(null);
        }
        // outside the lock: an executor may run the line on this thread
        start.forEach(index -> executor.execute(() -> runLine(index)));
    }

    private void runLine(int index) {
        try {
            if (cancelled()) {
                return; // Ctrl-C came before this line began: it stays out of the output, like the lines after it
            }
            // before this line's place is freed: a line that ended is written before the next one starts
            sink.accept(resultOf(items.get(index)));
        } finally {
            synchronized (lock) {
                active--;
            }
            advance();
        }
    }

    private BatchOutput.Result resultOf(BatchItem item) {
        if (item.error() != null) {
            return BatchOutput.Result.bad(item);
        }
        try {
            return run(item, jobs.create(item));
        } catch (UsageException e) {
            return BatchOutput.Result.bad(item.withError(e.getMessage()));
        } catch (RuntimeException e) {
            return BatchOutput.Result.bad(item.withError("internal error: " + MailWizardCommand.oneLine(String.valueOf(e))));
        }
    }

    private BatchOutput.Result run(BatchItem item, Job job) {
        synchronized (lock) {
            running.add(job);
            if (cancelled) {
                job.cancel();
            }
        }
        Scheduled deadline = timer.schedule(job::cancel, perLine);
        ProbeReport report;
        boolean ctrlC;
        try {
            report = job.run();
        } finally {
            deadline.cancel();
            synchronized (lock) {
                running.remove(job);
                ctrlC = cancelled;
            }
        }
        // A cancelled report without Ctrl-C means the line's deadline passed.
        return BatchOutput.Result.report(item, report, !ctrlC && report.cancelled());
    }
}
