package dev.mailwizard.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The handle {@link TaskRunner#run} returns: cancel reaches the work however the two are ordered. */
class TaskHandleTest {

    @Test
    void aCancelAfterTheWorkRegisteredRunsItsHookOnce() {
        Cancellation c = new Cancellation();
        AtomicInteger stops = new AtomicInteger();
        c.onCancel(stops::incrementAndGet);
        assertThat(stops).hasValue(0);
        c.cancel();
        c.cancel();
        assertThat(stops).hasValue(1);
        assertThat(c.isCancelled()).isTrue();
    }

    @Test
    void aCancelBeforeTheWorkBuiltWhatItMustStopIsNotLost() {
        Cancellation c = new Cancellation();
        c.cancel();
        AtomicInteger stops = new AtomicInteger();
        c.onCancel(stops::incrementAndGet);
        assertThat(stops).hasValue(1);
    }

    @Test
    void theImmediateRunnerGivesTheWorkItsHandleAndEndsThroughOneCallback() {
        List<String> calls = new ArrayList<>();
        TaskHandle handle = new ImmediateTaskRunner().run(cancellation -> {
            cancellation.onCancel(() -> calls.add("stopped"));
            return "report";
        }, v -> calls.add("ok " + v), e -> calls.add("failed"));
        assertThat(calls).containsExactly("ok report");
        assertThat(handle.isCancelled()).isFalse();

        new ImmediateTaskRunner().run(() -> {
            throw new IllegalStateException("boom");
        }, v -> calls.add("ok"), e -> calls.add("failed " + e.getMessage()));
        assertThat(calls).containsExactly("ok report", "failed boom");
    }
}
