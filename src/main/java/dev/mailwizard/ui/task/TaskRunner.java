package dev.mailwizard.ui.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work off the UI thread and hands the result back on it (JabRef's TaskExecutor idea).
 * ViewModels depend on this interface only, so their tests use {@link ImmediateTaskRunner}.
 */
public interface TaskRunner {
    /**
     * Starts {@code work}; exactly one of the callbacks runs later, on the UI thread. The returned
     * handle cancels: the work learns of it through the {@link Cancellation} it is given.
     */
    <T> TaskHandle run(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Work that has nothing to stop early; cancelling its handle changes nothing. */
    default <T> TaskHandle run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return run(cancellation -> work.call(), onSuccess, onFailure);
    }

    /** Slow work that can be asked to stop. */
    @FunctionalInterface
    interface Work<T> {
        T call(Cancellation cancellation) throws Exception;
    }
}
