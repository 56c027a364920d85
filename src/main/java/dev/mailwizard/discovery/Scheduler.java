package dev.mailwizard.discovery;

import java.time.Duration;

/** Runs a task after a delay: real time in the program, a hand-advanced clock in tests. */
@FunctionalInterface
public interface Scheduler {
    void schedule(Runnable task, Duration delay);
}
