package dev.mailwizard.ui.result;

import dev.mailwizard.model.Outcome;
import dev.mailwizard.probe.ProbeResult;

/** One thing that did not work, in words, and whether its certificate may be trusted by the user. */
public record FailureItem(ProbeResult result, String endpoint, Outcome outcome, String explanation, boolean canTrust) {
}
