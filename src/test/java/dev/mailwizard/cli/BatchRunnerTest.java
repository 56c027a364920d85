package dev.mailwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.model.Protocol;
import dev.mailwizard.probe.ProbeReport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * The batch scheduling rules with a hand-driven executor and clock (as PriorityRunnerTest does for
 * discovery): a line runs when the test runs its task, time passes when the test (or a job that
 * "takes long") advances the clock. Nothing sleeps, nothing races.
 */
class BatchRunnerTest {
    private static final Duration PER_LINE = Duration.ofSeconds(5);

    /** Clock and timer advanced by the test. */
    private static final class ManualTime implements BatchRunner.Timer {
        long now;
        private final List<Object[]> tasks = new ArrayList<>();

        @Override
        public BatchRunner.Scheduled schedule(Runnable task, Duration delay) {
            Object[] entry = {now + delay.toMillis(), task};
            tasks.add(entry);
            return () -> tasks.remove(entry);
        }

        void advance(Duration d) {
            now += d.toMillis();
            List<Object[]> due = tasks.stream().filter(t -> (long) t[0] <= now).toList();
            tasks.removeAll(due);
            due.forEach(t -> ((Runnable) t[1]).run());
        }

        int waiting() {
            return tasks.size();
        }
    }

    /** Keeps the tasks it is given (one per started line, in input order) until the test runs them. */
    private static final class ManualExecutor implements Executor {
        final List<Runnable> tasks = new ArrayList<>();
        final List<Integer> ran = new ArrayList<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        /** The line started n-th (counting from 0) runs now, to its end. */
        void run(int n) {
            ran.add(n);
            tasks.get(n).run();
        }

        /** Lines started and not yet run. */
        int waiting() {
            return tasks.size() - ran.size();
        }
    }

    /** A stand-in for a probe job: does what the test says while it "runs", then reports whether it was cancelled. */
    private final class FakeJob implements BatchRunner.Job {
        final String text;
        Long cancelledAt;

        FakeJob(String text) {
            this.text = text;
        }

        @Override
        public ProbeReport run() {
            whileRunning.getOrDefault(text, () -> { }).run();
            return report(text, cancelledAt != null);
        }

        @Override
        public void cancel() {
            if (cancelledAt == null) {
                cancelledAt = time.now;
            }
        }
    }

    private final ManualTime time = new ManualTime();
    private final ManualExecutor executor = new ManualExecutor();
    private final List<BatchOutput.Result> sunk = new ArrayList<>();
    private final Map<String, Runnable> whileRunning = new HashMap<>();
    private final Map<String, FakeJob> jobs = new HashMap<>();

    private static ProbeReport report(String account, boolean cancelled) {
        return new ProbeReport("test", account, Instant.EPOCH, 0, List.of(), List.of(), List.of(), null, List.of(), null, List.of(),
                false, cancelled, List.of(Protocol.SMTP), List.of(), List.of());
    }

    private BatchRunner runner(int concurrency) {
        return new BatchRunner(executor, time, concurrency, PER_LINE, sunk::add);
    }

    private CompletableFuture<List<BatchOutput.Result>> run(BatchRunner runner, String content) {
        return runner.run(BatchItem.parse(content), item -> jobs.computeIfAbsent(item.text(), FakeJob::new));
    }

    private static List<String> inputs(List<BatchOutput.Result> results) {
        return results.stream().map(r -> r.item().text()).toList();
    }

    @Test
    void resultsAreInInputOrderWhateverOrderLinesEndIn() {
        CompletableFuture<List<BatchOutput.Result>> done = run(runner(3), "a\nb\nc\n");
        executor.run(2);
        executor.run(0);
        assertThat(done).isNotDone();
        executor.run(1);
        assertThat(inputs(done.join())).containsExactly("a", "b", "c");
        assertThat(inputs(sunk)).as("the sink hears each line as it ends").containsExactly("c", "a", "b");
        assertThat(done.join()).allSatisfy(r -> assertThat(r.timedOut()).isFalse());
    }

    @Test
    void neverRunsMoreLinesAtOnceThanAsked() {
        CompletableFuture<List<BatchOutput.Result>> done = run(runner(2), "a\nb\nc\nd\ne\n");
        assertThat(executor.tasks).hasSize(2);
        executor.run(1);
        assertThat(executor.tasks).as("b ended, so c starts").hasSize(3);
        assertThat(executor.waiting()).isEqualTo(2);
        executor.run(0);
        executor.run(2);
        assertThat(executor.waiting()).isEqualTo(2);
        executor.run(3);
        assertThat(executor.tasks).hasSize(5);
        assertThat(done).isNotDone();
        executor.run(4);
        assertThat(inputs(done.join())).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void aLinePastItsDeadlineIsCancelledAndMarkedTimedOut() {
        whileRunning.put("slow", () -> time.advance(PER_LINE.minusMillis(1)));
        whileRunning.put("stuck", () -> time.advance(PER_LINE));
        CompletableFuture<List<BatchOutput.Result>> done = run(runner(1), "slow\nstuck\n");
        executor.run(0);
        assertThat(time.waiting()).as("a line that ended stops its deadline").isZero();
        executor.run(1);
        List<BatchOutput.Result> results = done.join();
        assertThat(jobs.get("slow").cancelledAt).isNull();
        assertThat(results.get(0).timedOut()).isFalse();
        // stuck started when slow ended (at 4.999 s) and was cancelled exactly 5 s later
        assertThat(jobs.get("stuck").cancelledAt).isEqualTo(PER_LINE.toMillis() * 2 - 1);
        assertThat(results.get(1).timedOut()).isTrue();
        assertThat(results.get(1).report().cancelled()).isTrue();
    }

    @Test
    void ctrlCCancelsTheRunningLinesStartsNoMoreAndKeepsWhatFinished() {
        BatchRunner runner = runner(2);
        // slow1 is running when slow2 starts (both in flight at once); Ctrl-C comes while slow2 runs.
        whileRunning.put("slow1", () -> executor.run(2));
        whileRunning.put("slow2", runner::cancel);
        CompletableFuture<List<BatchOutput.Result>> done = run(runner, "fast\nslow1\nslow2\nslow3\nslow4\n");
        executor.run(0);
        executor.run(1);
        assertThat(runner.cancelled()).isTrue();
        assertThat(jobs.get("slow1").cancelledAt).isNotNull();
        assertThat(jobs.get("slow2").cancelledAt).isNotNull();
        assertThat(executor.tasks).as("slow3 and slow4 never started").hasSize(3);
        assertThat(jobs).doesNotContainKeys("slow3", "slow4");
        assertThat(done).as("ended with the last running line").isDone();
        List<BatchOutput.Result> results = done.join();
        assertThat(inputs(results)).containsExactly("fast", "slow1", "slow2");
        assertThat(results.get(0).report().cancelled()).isFalse();
        assertThat(results.subList(1, 3)).allSatisfy(r -> {
            assertThat(r.report().cancelled()).isTrue();
            assertThat(r.timedOut()).as("cancelled by Ctrl-C, not by the deadline").isFalse();
        });
        assertThat(inputs(sunk)).containsExactlyInAnyOrder("fast", "slow1", "slow2");
    }

    @Test
    void aLineWhoseTaskBeginsAfterCtrlCIsLeftOut() {
        BatchRunner runner = runner(1);
        CompletableFuture<List<BatchOutput.Result>> done = run(runner, "a\nb\nc\n");
        executor.run(0);
        runner.cancel(); // b's task was handed to the executor, but has not begun
        assertThat(done).isNotDone();
        executor.run(1);
        assertThat(jobs).doesNotContainKey("b");
        assertThat(executor.tasks).hasSize(2);
        assertThat(inputs(done.join())).containsExactly("a");
    }

    @Test
    void badLinesAndLinesThatCannotBeTestedAreResultsInPlace() {
        CompletableFuture<List<BatchOutput.Result>> done = runner(4).run(BatchItem.parse("a b\nbob@\nboom\nok\n"), item -> switch (item.text()) {
            case "bob@" -> throw new UsageException("e-mail address 'bob@' has no domain after the '@'");
            case "boom" -> throw new IllegalStateException("no threads\nleft");
            default -> new FakeJob(item.text());
        });
        for (int i = 0; i < 4; i++) {
            executor.run(i);
        }
        List<BatchOutput.Result> results = done.join();
        assertThat(results).extracting(r -> r.item().error()).containsExactly(
                "line 1: 'a b' holds more than one word; put one address or host name on each line",
                "line 2: e-mail address 'bob@' has no domain after the '@'",
                "line 3: internal error: java.lang.IllegalStateException: no threads left",
                null);
        assertThat(results.get(3).report()).isNotNull();
    }
}
