package dev.mailwizard.ui.task;

import java.util.ArrayList;
import java.util.List;

/**
 * The cancellation of one task: the handle its starter keeps, and what the work sees. The work
 * registers how it stops ({@link #onCancel}); a hook registered after {@link #cancel()} runs at
 * once, so a cancel that comes before the work has built what it must stop is not lost.
 */
public final class Cancellation implements TaskHandle {
    private final List<Runnable> hooks = new ArrayList<>();
    private boolean cancelled;

    /** Runs {@code hook} on cancel (on the cancelling thread), or now if the task was already cancelled. */
    public void onCancel(Runnable hook) {
        synchronized (this) {
            if (!cancelled) {
                hooks.add(hook);
                return;
            }
        }
        hook.run();
    }

    @Override
    public void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = List.copyOf(hooks);
            hooks.clear();
        }
        toRun.forEach(Runnable::run);
    }

    @Override
    public synchronized boolean isCancelled() {
        return cancelled;
    }
}
