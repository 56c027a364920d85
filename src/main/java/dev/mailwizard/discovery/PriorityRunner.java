package dev.mailwizard.discovery;

import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.EmailAddress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * Runs discovery sources in parallel and decides by priority (Thunderbird's FindConfig, K-9's
 * PriorityParallelRunner): the winner is the highest-priority source that found servers, decided
 * as soon as every source above it has ended; a source still running at the deadline has failed.
 * Time comes from a {@link Scheduler} and a clock, so tests drive it without sleeping.
 */
public final class PriorityRunner {
    private final Executor executor;
    private final Scheduler scheduler;
    private final LongSupplier clockMillis;

    public PriorityRunner(Executor executor, Scheduler scheduler, LongSupplier clockMillis) {
        this.executor = executor;
        this.scheduler = scheduler;
        this.clockMillis = clockMillis;
    }

    /**
     * Starts the finders (given in priority order, best first). The future completes when the
     * winner is known, or at the deadline, or when every source has ended.
     */
    public CompletableFuture<DiscoveryResult> run(List<CandidateFinder> finders, EmailAddress address, Duration deadline) {
        long start = clockMillis.getAsLong();
        int n = finders.size();
        SourceResult[] results = new SourceResult[n];
        CompletableFuture<DiscoveryResult> done = new CompletableFuture<>();
        Object lock = new Object();
        Runnable decide = () -> {
            synchronized (lock) {
                if (done.isDone()) {
                    return;
                }
                CandidateSource winner = null;
                boolean allEnded = true;
                for (int i = 0; i < n; i++) {
                    if (results[i] == null) {
                        allEnded = false;
                        break; // cannot pass over a source that may still answer
                    }
                    if (results[i] instanceof SourceResult.Found) {
                        winner = results[i].source();
                        break;
                    }
                }
                for (SourceResult r : results) {
                    allEnded &= r != null;
                }
                if (winner != null || allEnded) {
                    done.complete(snapshot(finders, results, winner, start, address));
                }
            }
        };
        for (int i = 0; i < n; i++) {
            int index = i;
            CandidateFinder finder = finders.get(i);
            CompletableFuture.supplyAsync(() -> finder.find(address), executor)
                    .exceptionally(e -> new SourceResult.Failed(finder.source(), "unexpected error: " + e.getMessage()))
                    .thenAccept(r -> {
                        synchronized (lock) {
                            if (results[index] == null) {
                                results[index] = r;
                            }
                        }
                        decide.run();
                    });
        }
        scheduler.schedule(() -> {
            synchronized (lock) {
                for (int i = 0; i < n; i++) {
                    if (results[i] == null) {
                        results[i] = new SourceResult.Failed(finders.get(i).source(), "no answer within " + deadline.toSeconds() + " s");
                    }
                }
            }
            decide.run();
        }, deadline);
        return done;
    }

    private DiscoveryResult snapshot(List<CandidateFinder> finders, SourceResult[] results, CandidateSource winner, long start,
                                     EmailAddress address) {
        List<SourceResult> list = new ArrayList<>();
        for (int i = 0; i < results.length; i++) {
            list.add(results[i] != null ? results[i]
                    : new SourceResult.NotFound(finders.get(i).source(), "not needed: a higher-priority source answered"));
        }
        return new DiscoveryResult(list, winner, clockMillis.getAsLong() - start, address);
    }
}
