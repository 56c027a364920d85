package dev.mailwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.model.Protocol;
import dev.mailwizard.probe.ProbeReport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
 * discovery): a line runs when the test runs its task, and time passes when the test, or a job
 * that "takes long", advances the clock. Nothing sleeps, nothing races. Results go to a real
 * {@link BatchOutput}, which writes them in input order.
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
        private int ran;

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        /** The line started n-th (counting from 0) runs now, to its end. */
        void run(int n) {
            ran++;
            tasks.get(n).run();
        }

        /** Lines started whose task has not run yet. */
        int waiting() {
            return tasks.size() - ran;
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
            return new ProbeReport("test", text, Instant.EPOCH, 0, List.of(), List.of(), List.of(), null, List.of(), null, List.of(),
                    false, cancelledAt != null, List.of(Protocol.SMTP), List.of(), List.of());
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
    private final Map<String, Runnable> whileRunning = new HashMap<>();
    private final Map<String, FakeJob> jobs = new HashMap<>();
    private final List<BatchOutput.Result> ended = new ArrayList<>();
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private BatchOutput out;

    private BatchRunner runner(int concurrency) {
        return new BatchRunner(executor, time, concurrency, PER_LINE, r -> {
            ended.add(r);
            out.complete(r.item().index(), r);
        });
    }

    private CompletableFuture<Void> run(BatchRunner runner, String content) {
        return run(runner, content, item -> jobs.computeIfAbsent(item.text(), FakeJob::new));
    }

    private CompletableFuture<Void> run(BatchRunner runner, String content, BatchRunner.Jobs lineJobs) {
        List<BatchItem> items = BatchItem.parse(content);
        out = new BatchOutput(items, false, false, new PrintStream(written, true, StandardCharsets.UTF_8));
        return runner.run(items, lineJobs);
    }

    /** The lines written so far, each as its input and its second column (verdict, TIMEOUT or ERROR). */
    private List<String> written() {
        return written.toString(StandardCharsets.UTF_8).lines().map(l -> l.split("\t")[0] + " " + l.split("\t")[1]).toList();
    }

    private List<String> endedInputs() {
        return ended.stream().map(r -> r.item().text()).toList();
    }

    @Test
    void linesAreWrittenInInputOrderAsSoonAsTheLinesBeforeThemAre() {
        CompletableFuture<Void> done = run(runner(3), "a\nb\nc\n");
        executor.run(2);
        assertThat(written()).isEmpty();
        executor.run(0);
        assertThat(written()).containsExactly("a NOTHING_SECURE");
        assertThat(done).isNotDone();
        executor.run(1);
        assertThat(done).isDone();
        assertThat(written()).containsExactly("a NOTHING_SECURE", "b NOTHING_SECURE", "c NOTHING_SECURE");
        assertThat(endedInputs()).as("the sink hears each line as it ends").containsExactly("c", "a", "b");
    }

    @Test
    void neverRunsMoreLinesAtOnceThanAsked() {
        CompletableFuture<Void> done = run(runner(2), "a\nb\nc\nd\ne\n");
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
        assertThat(done).isDone();
        assertThat(written()).hasSize(5);
    }

    @Test
    void aLinePastItsDeadlineIsCancelledAndMarkedTimedOut() {
        whileRunning.put("slow", () -> time.advance(PER_LINE.minusMillis(1)));
        whileRunning.put("stuck", () -> time.advance(PER_LINE));
        CompletableFuture<Void> done = run(runner(1), "slow\nstuck\n");
        executor.run(0);
        assertThat(time.waiting()).as("a line that ended stops its deadline").isZero();
        executor.run(1);
        assertThat(done).isDone();
        assertThat(jobs.get("slow").cancelledAt).isNull();
        // stuck started when slow ended (at 4.999 s) and was cancelled exactly 5 s later
        assertThat(jobs.get("stuck").cancelledAt).isEqualTo(PER_LINE.toMillis() * 2 - 1);
        assertThat(ended.get(0).timedOut()).isFalse();
        assertThat(ended.get(1).timedOut()).isTrue();
        assertThat(ended.get(1).report().cancelled()).isTrue();
        assertThat(written()).containsExactly("slow NOTHING_SECURE", "stuck TIMEOUT");
    }

    @Test
    void ctrlCCancelsTheRunningLinesStartsNoMoreAndWritesWhatFinished() {
        BatchRunner runner = runner(2);
        // slow1 is still running when slow2 starts, and Ctrl-C comes while slow2 runs: two lines in flight.
        whileRunning.put("slow1", () -> executor.run(2));
        whileRunning.put("slow2", runner::cancel);
        CompletableFuture<Void> done = run(runner, "fast\nslow1\nslow2\nslow3\nslow4\n");
        executor.run(0);
        executor.run(1);
        assertThat(runner.cancelled()).isTrue();
        assertThat(jobs.get("slow1").cancelledAt).isNotNull();
        assertThat(jobs.get("slow2").cancelledAt).isNotNull();
        assertThat(executor.tasks).as("slow3 and slow4 never started").hasSize(3);
        assertThat(jobs).doesNotContainKeys("slow3", "slow4");
        assertThat(done).as("over once the last running line ended").isDone();
        out.flushFinished();
        assertThat(written()).containsExactly("fast NOTHING_SECURE", "slow1 CANCELLED", "slow2 CANCELLED");
        assertThat(ended.subList(1, 3)).allSatisfy(r -> assertThat(r.timedOut()).as("cancelled by Ctrl-C, not by the deadline").isFalse());
    }

    @Test
    void aLineWhoseTaskBeginsAfterCtrlCIsLeftOut() {
        BatchRunner runner = runner(1);
        CompletableFuture<Void> done = run(runner, "a\nb\nc\n");
        executor.run(0);
        runner.cancel(); // b's task was handed to the executor, but has not begun
        assertThat(done).isNotDone();
        executor.run(1);
        assertThat(done).isDone();
        assertThat(jobs).doesNotContainKey("b");
        assertThat(executor.tasks).hasSize(2);
        assertThat(written()).containsExactly("a NOTHING_SECURE");
    }

    @Test
    void badLinesAndLinesThatCannotBeTestedAreWrittenInPlace() {
        CompletableFuture<Void> done = run(runner(4), "a b\nbob@\nboom\nok\n", item -> switch (item.text()) {
            case "bob@" -> throw new UsageException("e-mail address 'bob@' has no domain after the '@'");
            case "boom" -> throw new IllegalStateException("no threads\nleft");
            default -> new FakeJob(item.text());
        });
        for (int i = 0; i < 4; i++) {
            executor.run(i);
        }
        assertThat(done).isDone();
        assertThat(written.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "a b\tERROR\tline 1: 'a b' holds more than one word; put one address or host name on each line",
                "bob@\tERROR\tline 2: e-mail address 'bob@' has no domain after the '@'",
                "boom\tERROR\tline 3: internal error: java.lang.IllegalStateException: no threads left",
                "ok\tNOTHING_SECURE\tno secure setting");
    }
}
