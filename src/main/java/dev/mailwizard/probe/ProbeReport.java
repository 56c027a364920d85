package dev.mailwizard.probe;

import dev.mailwizard.model.ServerCandidate;

import java.time.Instant;
import java.util.List;

/** The outcome of a whole run: what was found, what was tried, and what we recommend. */
public record ProbeReport(String tool, String address, Instant startedAt, long elapsedMs,
                          List<ServerCandidate> discovery, List<String> discoveryNotes, List<ProbeResult> probes,
                          Recommendation recommended, List<Recommendation> alternatives,
                          boolean passwordGiven, boolean cancelled) {
    public static final int SCHEMA_VERSION = 1;

    public ProbeReport {
        discovery = List.copyOf(discovery);
        discoveryNotes = List.copyOf(discoveryNotes);
        probes = List.copyOf(probes);
        alternatives = List.copyOf(alternatives);
    }

    public RunVerdict verdict() {
        if (cancelled) {
            return RunVerdict.CANCELLED;
        }
        boolean working = probes.stream().anyMatch(p -> p.outcome() == Outcome.OK
                && (!passwordGiven || p.login().result() == LoginStatus.OK));
        if (working) {
            return RunVerdict.WORKING;
        }
        if (probes.stream().anyMatch(p -> p.outcome() == Outcome.LOGIN_REJECTED)) {
            return RunVerdict.LOGIN_REJECTED;
        }
        return RunVerdict.NOTHING_SECURE;
    }
}
