package dev.mailwizard.ui.task;

/**
 * A started task, as {@link TaskRunner#run} returns it (JabRef's {@code TaskExecutor} returns a
 * {@code Future} for the same purpose). Cancelling asks the work to stop; the task still ends
 * through one of its callbacks, with what the work returned (a partial result) or its failure.
 */
public interface TaskHandle {
    /** Asks the work to stop, from any thread; asking twice is the same as once. */
    void cancel();

    boolean isCancelled();
}
