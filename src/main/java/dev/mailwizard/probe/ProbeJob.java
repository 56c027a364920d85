package dev.mailwizard.probe;

import dev.mailwizard.model.AppInfo;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.ServerCandidate;

import java.time.Instant;
import java.util.List;

/**
 * One complete probe run for the CLI or the wizard: plan the probes for the candidates, run them,
 * rank what works, and build the report. Cancellable from any thread.
 */
public final class ProbeJob {
    private final ProbeRequest request;
    private final List<ServerCandidate> candidates;
    private final ProbeRun run;
    private List<String> discoveryNotes = List.of();

    /** A job over an explicit plan (see {@link ProbePlanner#plan}). */
    public ProbeJob(ProbeRequest request, List<ServerCandidate> candidates, List<PlannedProbe> plan, TrustMaterial trust,
                    AddressResolver resolver, ProbeListener listener) {
        this.request = request;
        this.candidates = List.copyOf(candidates);
        this.run = new ProbeRun(plan, request.options(), trust, resolver, listener);
    }

    /** A job over every candidate host times the request's port/mode pairs. */
    public static ProbeJob of(ProbeRequest request, List<ServerCandidate> candidates, TrustMaterial trust,
                              AddressResolver resolver, ProbeListener listener) {
        return new ProbeJob(request, candidates, ProbePlanner.plan(candidates, request.modes()), trust, resolver, listener);
    }

    /** Runs to the end (or to cancellation) and reports; blocks. */
    public ProbeReport run() {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        List<ProbeResult> results = run.execute();
        List<Recommendation> ranked = Recommender.rank(results.stream().filter(r -> r.endpoint().protocol() == Protocol.SMTP).toList(),
                request.username(), request.allowPlain());
        List<Recommendation> incoming = Recommender.rank(results.stream().filter(r -> r.endpoint().protocol() != Protocol.SMTP).toList(),
                request.username(), request.allowPlain());
        long elapsed = (System.nanoTime() - t0) / 1_000_000L;
        return new ProbeReport(AppInfo.tool(), request.account(), started, elapsed, candidates, discoveryNotes, results,
                ranked.isEmpty() ? null : ranked.get(0), ranked.isEmpty() ? List.of() : ranked.subList(1, ranked.size()),
                incoming.isEmpty() ? null : incoming.get(0), incoming.isEmpty() ? List.of() : incoming.subList(1, incoming.size()),
                request.options().credentials() != null, run.cancelled());
    }

    /** What each discovery source said, for the report. */
    public ProbeJob withDiscoveryNotes(List<String> notes) {
        this.discoveryNotes = List.copyOf(notes);
        return this;
    }

    public void cancel() {
        run.cancel();
    }
}
