package dev.mailwizard.ui.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;

/** Runs work as a {@link Task} on daemon threads; callbacks arrive on the JavaFX thread. */
public final class FxTaskRunner implements TaskRunner {
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "mailwizard-task");
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> TaskHandle run(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Cancellation cancellation = new Cancellation();
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call(cancellation);
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onFailure.accept(task.getException()));
        executor.execute(task);
        return cancellation;
    }

    /** Dispatches with {@link Platform#runLater}. */
    public static UiDispatcher dispatcher() {
        return Platform::runLater;
    }
}
