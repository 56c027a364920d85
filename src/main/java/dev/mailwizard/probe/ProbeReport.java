package dev.mailwizard.probe;

import dev.mailwizard.model.Outcome;
import dev.mailwizard.model.DeclinedService;
import dev.mailwizard.model.DisplayText;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Provider;
import dev.mailwizard.model.ServerCandidate;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of a whole run: what was found, what was tried, and what we recommend.
 *
 * @param asked    the protocols the person asked to test (from the request, not from what was found):
 *                 an incoming-only run is judged on incoming mail alone
 * @param declined services the domain's DNS says it does not offer (SRV target ".")
 * @param hints    conclusions drawn across the probes, most fundamental first
 * @param provider the mail provider behind the address, as discovery and the table of well-known
 *                 providers know it; null when no source named one
 */
public record ProbeReport(String tool, String address, Instant startedAt, long elapsedMs,
                          List<ServerCandidate> discovery, List<String> discoveryNotes, List<ProbeResult> probes,
                          Recommendation recommended, List<Recommendation> alternatives, Recommendation recommendedIncoming,
                          List<Recommendation> alternativesIncoming,
                          boolean passwordGiven, boolean cancelled,
                          List<Protocol> asked, List<DeclinedService> declined, List<Hint> hints, Provider provider,
                          TrustUsed trust) {
    public static final int SCHEMA_VERSION = 1;

    /** A report of a run that added no trust of its own. */
    public ProbeReport(String tool, String address, Instant startedAt, long elapsedMs,
                       List<ServerCandidate> discovery, List<String> discoveryNotes, List<ProbeResult> probes,
                       Recommendation recommended, List<Recommendation> alternatives, Recommendation recommendedIncoming,
                       List<Recommendation> alternativesIncoming, boolean passwordGiven, boolean cancelled,
                       List<Protocol> asked, List<DeclinedService> declined, List<Hint> hints, Provider provider) {
        this(tool, address, startedAt, elapsedMs, discovery, discoveryNotes, probes, recommended, alternatives, recommendedIncoming,
                alternativesIncoming, passwordGiven, cancelled, asked, declined, hints, provider, TrustUsed.NONE);
    }

    /** A report that names no provider. */
    public ProbeReport(String tool, String address, Instant startedAt, long elapsedMs,
                       List<ServerCandidate> discovery, List<String> discoveryNotes, List<ProbeResult> probes,
                       Recommendation recommended, List<Recommendation> alternatives, Recommendation recommendedIncoming,
                       List<Recommendation> alternativesIncoming, boolean passwordGiven, boolean cancelled,
                       List<Protocol> asked, List<DeclinedService> declined, List<Hint> hints) {
        this(tool, address, startedAt, elapsedMs, discovery, discoveryNotes, probes, recommended, alternatives, recommendedIncoming,
                alternativesIncoming, passwordGiven, cancelled, asked, declined, hints, null);
    }

    public ProbeReport {
        discovery = List.copyOf(discovery);
        discoveryNotes = List.copyOf(DisplayText.escape(discoveryNotes)); // built from DNS, autoconfig and ISPDB answers
        probes = List.copyOf(probes);
        alternatives = List.copyOf(alternatives);
        alternativesIncoming = List.copyOf(alternativesIncoming);
        asked = List.copyOf(asked);
        declined = List.copyOf(declined);
        hints = List.copyOf(hints);
        trust = trust == null ? TrustUsed.NONE : trust;
    }

    /** Outgoing mail (SMTP) was part of the request. */
    public boolean outgoingAsked() {
        return asked.contains(Protocol.SMTP);
    }

    /** Incoming mail (IMAP or POP3) was part of the request. */
    public boolean incomingAsked() {
        return asked.contains(Protocol.IMAP) || asked.contains(Protocol.POP3);
    }

    /** The setting to show first: outgoing when it was asked for, else incoming. */
    public Recommendation primaryRecommendation() {
        return outgoingAsked() ? recommended : recommendedIncoming;
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

    /** Judged on what was asked: outgoing, incoming, or both. */
    public RunVerdict verdict() {
        if (cancelled) {
            return RunVerdict.CANCELLED;
        }
        boolean outgoingWorks = !outgoingAsked() || works(Protocol.SMTP);
        boolean incomingWorks = !incomingAsked() || works(Protocol.IMAP) || works(Protocol.POP3);
        if (!asked.isEmpty() && outgoingWorks && incomingWorks) {
            return RunVerdict.WORKING;
        }
        if (probes.stream().anyMatch(p -> p.outcome() == Outcome.LOGIN_REJECTED)) {
            return RunVerdict.LOGIN_REJECTED;
        }
        return RunVerdict.NOTHING_SECURE;
    }
}
