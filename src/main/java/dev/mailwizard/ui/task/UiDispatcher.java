package dev.mailwizard.ui.task;

/** Runs a small update on the UI thread (progress events come from probe threads). */
@FunctionalInterface
public interface UiDispatcher {
    void dispatch(Runnable update);

    /** Runs at once on the calling thread: for ViewModel tests. */
    UiDispatcher IMMEDIATE = Runnable::run;
}
