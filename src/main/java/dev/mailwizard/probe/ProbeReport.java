package dev.mailwizard.probe;

import dev.mailwizard.model.DisplayText;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.ServerCandidate;

import java.time.Instant;
import java.util.List;

/** The outcome of a whole run: what was found, what was tried, and what we recommend. */
public record ProbeReport(String tool, String address, Instant startedAt, long elapsedMs,
                          List<ServerCandidate> discovery, List<String> discoveryNotes, List<ProbeResult> probes,
                          Recommendation recommended, List<Recommendation> alternatives, Recommendation recommendedIncoming,
                          List<Recommendation> alternativesIncoming,
                          boolean passwordGiven, boolean cancelled) {
    public static final int SCHEMA_VERSION = 1;

    public ProbeReport {
        discovery = List.copyOf(discovery);
        discoveryNotes = List.copyOf(DisplayText.escape(discoveryNotes)); // built from DNS, autoconfig and ISPDB answers
        probes = List.copyOf(probes);
        alternatives = List.copyOf(alternatives);
        alternativesIncoming = List.copyOf(alternativesIncoming);
    }

    private boolean works(Protocol protocol) {
        return probes.stream().anyMatch(p -> p.endpoint().protocol() == protocol && p.outcome() == Outcome.OK
                && (!passwordGiven || loginProven(p)));
    }

    /** The login was accepted on this endpoint, or on another port of the same server and protocol. */
    private boolean loginProven(ProbeResult p) {
        return probes.stream().anyMatch(q -> q.endpoint().protocol() == p.endpoint().protocol()
                && q.endpoint().host().equals(p.endpoint().host()) && q.login().result() == LoginStatus.OK);
    }

    public RunVerdict verdict() {
        if (cancelled) {
            return RunVerdict.CANCELLED;
        }
        boolean incomingTested = probes.stream().anyMatch(p -> p.endpoint().protocol() != Protocol.SMTP);
        boolean working = works(Protocol.SMTP) && (!incomingTested || works(Protocol.IMAP) || works(Protocol.POP3));
        if (working) {
            return RunVerdict.WORKING;
        }
        if (probes.stream().anyMatch(p -> p.outcome() == Outcome.LOGIN_REJECTED)) {
            return RunVerdict.LOGIN_REJECTED;
        }
        return RunVerdict.NOTHING_SECURE;
    }
}
