package dev.mailwizard.ui.task;

import java.util.function.Consumer;

/**
 * Runs the work at once on the calling thread (JabRef's CurrentThreadTaskExecutor): for tests.
 * The handle comes back after the work ended, so cancelling it changes nothing.
 */
public final class ImmediateTaskRunner implements TaskRunner {
    @Override
    public <T> TaskHandle run(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Cancellation cancellation = new Cancellation();
        T result;
        try {
            result = work.call(cancellation);
        } catch (Exception e) {
            onFailure.accept(e);
            return cancellation;
        }
        onSuccess.accept(result);
        return cancellation;
    }
}
