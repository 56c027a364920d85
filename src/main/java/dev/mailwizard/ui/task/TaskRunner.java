package dev.mailwizard.ui.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work off the UI thread and hands the result back on it (JabRef's TaskExecutor idea).
 * ViewModels depend on this interface only, so their tests use {@link ImmediateTaskRunner}.
 */
public interface TaskRunner {
    /** Starts {@code work}; exactly one of the callbacks runs later, on the UI thread. */
    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);
}
