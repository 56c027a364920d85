package dev.mailwizard.probe;

import dev.mailwizard.model.Outcome;

/**
 * Ends a probe with a verdict. Thrown inside a probe's dialogue only; the probe's single
 * boundary ({@link MailProbe#run}) turns it, and every other exception, into a result.
 */
final class ProbeFailure extends Exception {
    private final Outcome outcome;

    ProbeFailure(Outcome outcome, String detail) {
        super(detail, null, false, false);
        this.outcome = outcome;
    }

    Outcome outcome() {
        return outcome;
    }
}
