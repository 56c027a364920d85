package dev.mailwizard.cli;

import dev.mailwizard.discovery.Discovery;
import dev.mailwizard.discovery.DiscoveryConfig;
import dev.mailwizard.discovery.DiscoveryResult;
import dev.mailwizard.discovery.ProviderResolution;
import dev.mailwizard.model.DeclinedService;
import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.Provider;
import dev.mailwizard.model.ServerCandidate;
import dev.mailwizard.probe.AddressResolver;
import dev.mailwizard.probe.PlannedProbe;
import dev.mailwizard.probe.ProbeJob;
import dev.mailwizard.probe.ProbeListener;
import dev.mailwizard.probe.ProbePlanner;
import dev.mailwizard.probe.ProbeRequest;
import dev.mailwizard.probe.TrustMaterial;

import java.util.List;
import java.util.function.IntFunction;

/**
 * The discovery step of {@code probe} and of each {@code batch} line: the servers to test and what
 * discovery said about them. Typed servers are taken as they are; otherwise discovery runs for the
 * address, the one step that may use the network before the probes do.
 *
 * @param notes    what each discovery source said, for the report
 * @param declined services the domain's DNS says it does not offer (SRV "."), for the report and its hints
 * @param provider the mail provider behind the address or the typed servers, for the report; null when none is known
 */
record FoundServers(List<ServerCandidate> candidates, List<String> notes, List<DeclinedService> declined, Provider provider) {
    /** Runs discovery for an address: all five sources in the program, a stand-in in tests. */
    @FunctionalInterface
    interface Discover {
        DiscoveryResult run(EmailAddress address, DiscoveryConfig config);
    }

    static final Discover STANDARD = (address, config) -> Discovery.standard(config).discover(address);

    FoundServers {
        candidates = List.copyOf(candidates);
        notes = List.copyOf(notes);
        declined = List.copyOf(declined);
    }

    static FoundServers find(ParsedProbe probe, Discover discover) {
        List<String> typed = probe.typedServers();
        EmailAddress address = probe.target().address();
        if (!typed.isEmpty()) {
            List<ServerCandidate> servers = Discovery.typed(typed, probe.settings().ports().incoming());
            // No file was read: the well-known providers by the address's domain or the typed servers' names.
            Provider provider = ProviderResolution.resolve(address == null ? null : address.domain(), null, servers).orElse(null);
            return new FoundServers(servers, List.of(), List.of(), provider);
        }
        DiscoveryResult found = discover.run(address, probe.settings().discoveryConfig());
        return new FoundServers(found.candidates(), found.notes(), found.declined(), found.provider().orElse(null));
    }

    /** The job that tests these servers as {@code request} asks; {@code progress} gets the number of probes planned. */
    ProbeJob job(ProbeRequest request, TrustMaterial trust, AddressResolver resolver, IntFunction<ProbeListener> progress) {
        List<PlannedProbe> plan = ProbePlanner.plan(candidates, request.modes());
        return new ProbeJob(request, candidates, plan, trust, resolver, progress.apply(plan.size()))
                .withDiscoveryNotes(notes).withDeclinedServices(declined).withProvider(provider);
    }
}
