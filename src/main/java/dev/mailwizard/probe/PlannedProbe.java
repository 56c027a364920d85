package dev.mailwizard.probe;

import dev.mailwizard.model.Endpoint;

/** One probe to run, and whether credentials may go to its host (typed or confirmed by the user). */
public record PlannedProbe(Endpoint endpoint, boolean mayLogin) {
}
