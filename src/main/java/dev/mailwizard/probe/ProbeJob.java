package dev.mailwizard.probe;

import dev.mailwizard.model.AppInfo;
import dev.mailwizard.model.DeclinedService;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Provider;
import dev.mailwizard.model.ServerCandidate;

import java.time.Duration;
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
    private final TrustUsed trustUsed;
    /** What the person asked to test: the request's protocols and every protocol in the plan. */
    private final List<Protocol> asked;
    private List<String> discoveryNotes = List.of();
    private List<DeclinedService> declined = List.of();
    private Provider provider;
    private ControlPort controlPort = ControlPort.tcp(ControlPort.HTTPS);

    /** A job over an explicit plan (see {@link ProbePlanner#plan}). */
    public ProbeJob(ProbeRequest request, List<ServerCandidate> candidates, List<PlannedProbe> plan, TrustMaterial trust,
                    AddressResolver resolver, ProbeListener listener) {
        this.request = request;
        this.candidates = List.copyOf(candidates);
        this.run = new ProbeRun(plan, request.options(), trust, resolver, listener);
        this.trustUsed = trust.used();
        java.util.Set<Protocol> protocols = java.util.EnumSet.noneOf(Protocol.class);
        request.modes().forEach(m -> protocols.add(m.protocol()));
        plan.forEach(p -> protocols.add(p.endpoint().protocol()));
        this.asked = List.copyOf(protocols);
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
        List<Hint> hints = run.cancelled() ? List.of()
                : RunConclusions.draw(results, candidates, declined, request.account(), controlPort, controlTimeout());
        long elapsed = (System.nanoTime() - t0) / 1_000_000L;
        return new ProbeReport(AppInfo.tool(), request.account(), started, elapsed, candidates, discoveryNotes, results,
                ranked.isEmpty() ? null : ranked.get(0), ranked.isEmpty() ? List.of() : ranked.subList(1, ranked.size()),
                incoming.isEmpty() ? null : incoming.get(0), incoming.isEmpty() ? List.of() : incoming.subList(1, incoming.size()),
                request.options().credentials() != null, run.cancelled(),
                asked, declined, hints, provider, trustUsed);
    }

    /** The control connection must not add a whole probe deadline to a run that already waited one out. */
    private Duration controlTimeout() {
        Duration probe = request.options().timeout();
        Duration cap = Duration.ofSeconds(3);
        return probe.compareTo(cap) < 0 ? probe : cap;
    }

    /** Services the domain's DNS says it does not offer (SRV "."), for the report and its hints. */
    public ProbeJob withDeclinedServices(List<DeclinedService> services) {
        this.declined = List.copyOf(services);
        return this;
    }

    /** Where the "is it the network?" control connection goes (HTTPS, 443, unless a test says otherwise). */
    public ProbeJob withControlPort(ControlPort port) {
        this.controlPort = port;
        return this;
    }

    /** The mail provider behind the address (null: none known), for the report. */
    public ProbeJob withProvider(Provider provider) {
        this.provider = provider;
        return this;
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
