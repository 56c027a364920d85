package dev.mailwizard.probe;

import dev.mailwizard.model.Endpoint;

/** Hears a run's progress; called from probe threads, so implementations must be thread-safe. */
public interface ProbeListener {
    ProbeListener NONE = new ProbeListener() {
    };

    /** A probe entered a phase. */
    default void phase(Endpoint endpoint, Phase phase) {
    }

    /** A probe ended (by itself, at its deadline, or by cancellation). */
    default void finished(ProbeResult result) {
    }
}
