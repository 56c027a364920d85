package dev.mailwizard.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.ServerCandidate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The priority rules with a hand-driven clock: sources finish when the test says so and the
 * deadline fires when the test advances time, so nothing here sleeps.
 */
class PriorityRunnerTest {
    private static final EmailAddress ALICE = EmailAddress.parse("alice@example.test");

    /** A clock and scheduler the test advances by hand. */
    private static final class ManualTime implements Scheduler {
        final AtomicLong now = new AtomicLong();
        private final List<Object[]> tasks = new ArrayList<>();

        @Override
        public synchronized void schedule(Runnable task, Duration delay) {
            tasks.add(new Object[]{now.get() + delay.toMillis(), task});
        }

        void advance(Duration d) {
            long to = now.addAndGet(d.toMillis());
            List<Runnable> due = new ArrayList<>();
            synchronized (this) {
                tasks.removeIf(t -> {
                    if ((long) t[0] <= to) {
                        due.add((Runnable) t[1]);
                        return true;
                    }
                    return false;
                });
            }
            due.forEach(Runnable::run);
        }
    }

    /** A source that answers when the test completes its gate. */
    private static final class GatedFinder implements CandidateFinder {
        final CandidateSource source;
        final CompletableFuture<SourceResult> gate = new CompletableFuture<>();

        GatedFinder(CandidateSource source) {
            this.source = source;
        }

        @Override
        public CandidateSource source() {
            return source;
        }

        @Override
        public SourceResult find(EmailAddress address) {
            return gate.join();
        }

        void found(String host) {
            gate.complete(new SourceResult.Found(source, List.of(new ServerCandidate(Protocol.SMTP, host, null, null, source, true, "")), List.of()));
        }
    }

    private final ManualTime time = new ManualTime();
    private final PriorityRunner runner = new PriorityRunner(Executors.newCachedThreadPool(), time, time.now::get);

    @Test
    void aSlowHighPrioritySourceWinsOverAFastLowPriorityOne() throws Exception {
        GatedFinder srv = new GatedFinder(CandidateSource.SRV);
        GatedFinder guess = new GatedFinder(CandidateSource.GUESS);
        CompletableFuture<DiscoveryResult> result = runner.run(List.of(srv, guess), ALICE, Duration.ofSeconds(6));
        guess.found("smtp.example.test");
        time.advance(Duration.ofSeconds(2));
        Thread.yield();
        assertThat(result).isNotDone();
        srv.found("mail.example.test");
        DiscoveryResult r = result.get(5, TimeUnit.SECONDS);
        assertThat(r.winner()).isEqualTo(CandidateSource.SRV);
        assertThat(r.candidates().get(0).host()).isEqualTo("mail.example.test");
        assertThat(r.elapsedMs()).isEqualTo(2000);
    }

    @Test
    void aFailedSourceFallsThroughToTheNext() throws Exception {
        GatedFinder srv = new GatedFinder(CandidateSource.SRV);
        GatedFinder auto = new GatedFinder(CandidateSource.AUTOCONFIG);
        GatedFinder guess = new GatedFinder(CandidateSource.GUESS);
        CompletableFuture<DiscoveryResult> result = runner.run(List.of(srv, auto, guess), ALICE, Duration.ofSeconds(6));
        guess.found("smtp.example.test");
        auto.found("smtp.provider.test");
        srv.gate.complete(new SourceResult.Failed(CandidateSource.SRV, "SERVFAIL"));
        DiscoveryResult r = result.get(5, TimeUnit.SECONDS);
        assertThat(r.winner()).isEqualTo(CandidateSource.AUTOCONFIG);
        assertThat(r.notes().get(0)).contains("SERVFAIL");
    }

    @Test
    void aStalledSourceFailsAtTheDeadlineAndTheNextWins() throws Exception {
        GatedFinder srv = new GatedFinder(CandidateSource.SRV);
        GatedFinder guess = new GatedFinder(CandidateSource.GUESS);
        CompletableFuture<DiscoveryResult> result = runner.run(List.of(srv, guess), ALICE, Duration.ofSeconds(6));
        guess.found("smtp.example.test");
        time.advance(Duration.ofMillis(5999));
        assertThat(result).isNotDone();
        time.advance(Duration.ofMillis(1));
        DiscoveryResult r = result.get(5, TimeUnit.SECONDS);
        assertThat(r.winner()).isEqualTo(CandidateSource.GUESS);
        assertThat(r.results().get(0)).isInstanceOf(SourceResult.Failed.class);
        assertThat(r.elapsedMs()).isEqualTo(6000);
        srv.gate.complete(null); // release the worker thread
    }

    @Test
    void nothingFoundEndsWhenEverySourceHasEnded() throws Exception {
        GatedFinder srv = new GatedFinder(CandidateSource.SRV);
        GatedFinder mx = new GatedFinder(CandidateSource.MX);
        CompletableFuture<DiscoveryResult> result = runner.run(List.of(srv, mx), ALICE, Duration.ofSeconds(6));
        srv.gate.complete(new SourceResult.NotFound(CandidateSource.SRV, "NXDOMAIN"));
        mx.gate.complete(new SourceResult.Failed(CandidateSource.MX, "no network"));
        DiscoveryResult r = result.get(5, TimeUnit.SECONDS);
        assertThat(r.winner()).isNull();
        assertThat(r.candidates()).isEmpty();
        assertThat(r.elapsedMs()).isZero();
    }
}
