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
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The priority rules with hand-driven time and a hand-driven executor: a source "answers" when the
 * test runs its task, and the deadline fires when the test advances the clock. Nothing sleeps and
 * nothing races.
 */
class PriorityRunnerTest {
    private static final EmailAddress ALICE = EmailAddress.parse("alice@example.test");

    /** Clock and scheduler advanced by the test. */
    private static final class ManualTime implements Scheduler {
        final AtomicLong now = new AtomicLong();
        private final List<Object[]> tasks = new ArrayList<>();

        @Override
        public void schedule(Runnable task, Duration delay) {
            tasks.add(new Object[]{now.get() + delay.toMillis(), task});
        }

        void advance(Duration d) {
            long to = now.addAndGet(d.toMillis());
            List<Runnable> due = new ArrayList<>();
            tasks.removeIf(t -> {
                if ((long) t[0] <= to) {
                    due.add((Runnable) t[1]);
                    return true;
                }
                return false;
            });
            due.forEach(Runnable::run);
        }
    }

    /** Keeps the sources' tasks (in priority order) until the test runs them. */
    private static final class ManualExecutor implements Executor {
        final List<Runnable> tasks = new ArrayList<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        /** The source at this priority position answers now. */
        void answer(int position) {
            tasks.get(position).run();
        }
    }

    private static CandidateFinder finder(CandidateSource source, SourceResult result) {
        return new CandidateFinder() {
            @Override
            public CandidateSource source() {
                return source;
            }

            @Override
            public SourceResult find(EmailAddress address) {
                return result;
            }
        };
    }

    private static SourceResult found(CandidateSource source, String host) {
        return new SourceResult.Found(source, List.of(new ServerCandidate(Protocol.SMTP, host, null, null, source, true, "")), List.of());
    }

    private final ManualTime time = new ManualTime();
    private final ManualExecutor executor = new ManualExecutor();
    private final PriorityRunner runner = new PriorityRunner(executor, time, time.now::get);

    @Test
    void aSlowHighPrioritySourceWinsOverAFastLowPriorityOne() {
        CompletableFuture<DiscoveryResult> result = runner.run(List.of(
                finder(CandidateSource.SRV, found(CandidateSource.SRV, "mail.example.test")),
                finder(CandidateSource.GUESS, found(CandidateSource.GUESS, "smtp.example.test"))), ALICE, Duration.ofSeconds(6));
        executor.answer(1); // guessing answers at once
        time.advance(Duration.ofSeconds(2));
        assertThat(result).isNotDone();
        executor.answer(0); // SRV answers 2 s later
        DiscoveryResult r = result.join();
        assertThat(r.winner()).isEqualTo(CandidateSource.SRV);
        assertThat(r.candidates().get(0).host()).isEqualTo("mail.example.test");
        assertThat(r.elapsedMs()).isEqualTo(2000);
    }

    @Test
    void aFailedSourceFallsThroughToTheNext() {
        CompletableFuture<DiscoveryResult> result = runner.run(List.of(
                finder(CandidateSource.SRV, new SourceResult.Failed(CandidateSource.SRV, "SERVFAIL")),
                finder(CandidateSource.AUTOCONFIG, found(CandidateSource.AUTOCONFIG, "smtp.provider.test")),
                finder(CandidateSource.GUESS, found(CandidateSource.GUESS, "smtp.example.test"))), ALICE, Duration.ofSeconds(6));
        executor.answer(2);
        executor.answer(1);
        assertThat(result).isNotDone();
        executor.answer(0);
        DiscoveryResult r = result.join();
        assertThat(r.winner()).isEqualTo(CandidateSource.AUTOCONFIG);
        assertThat(r.notes().get(0)).contains("SERVFAIL");
    }

    @Test
    void aStalledSourceFailsAtTheDeadlineAndTheNextWins() {
        CompletableFuture<DiscoveryResult> result = runner.run(List.of(
                finder(CandidateSource.SRV, found(CandidateSource.SRV, "never.example.test")),
                finder(CandidateSource.GUESS, found(CandidateSource.GUESS, "smtp.example.test"))), ALICE, Duration.ofSeconds(6));
        executor.answer(1); // SRV never answers
        time.advance(Duration.ofMillis(5999));
        assertThat(result).isNotDone();
        time.advance(Duration.ofMillis(1));
        DiscoveryResult r = result.join();
        assertThat(r.winner()).isEqualTo(CandidateSource.GUESS);
        assertThat(r.results().get(0)).isInstanceOf(SourceResult.Failed.class);
        assertThat(r.results().get(0).summary()).contains("no answer within 6 s");
        assertThat(r.elapsedMs()).isEqualTo(6000);
    }

    @Test
    void nothingFoundEndsWhenEverySourceHasEnded() {
        CompletableFuture<DiscoveryResult> result = runner.run(List.of(
                finder(CandidateSource.SRV, new SourceResult.NotFound(CandidateSource.SRV, "NXDOMAIN")),
                finder(CandidateSource.MX, new SourceResult.Failed(CandidateSource.MX, "no network"))), ALICE, Duration.ofSeconds(6));
        executor.answer(0);
        assertThat(result).isNotDone();
        executor.answer(1);
        DiscoveryResult r = result.join();
        assertThat(r.winner()).isNull();
        assertThat(r.candidates()).isEmpty();
        assertThat(r.elapsedMs()).isZero();
    }
}
