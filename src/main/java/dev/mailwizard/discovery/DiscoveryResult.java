package dev.mailwizard.discovery;

import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.DeclinedService;
import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Provider;
import dev.mailwizard.model.ServerCandidate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What discovery found for an address: each source's result in priority order, and the winner
 * (the highest-priority source that found servers; null when none did).
 */
public record DiscoveryResult(List<SourceResult> results, CandidateSource winner, long elapsedMs, EmailAddress address) {
    public DiscoveryResult {
        results = List.copyOf(results);
    }

    /** A result whose address is not known (its provider is then found from the servers alone). */
    public DiscoveryResult(List<SourceResult> results, CandidateSource winner, long elapsedMs) {
        this(results, winner, elapsedMs, null);
    }

    /** The provider behind the address: what the files said, merged with the well-known providers ({@link ProviderResolution}). */
    public Optional<Provider> provider() {
        return ProviderResolution.resolve(address == null ? null : address.domain(), statedProvider(), candidates());
    }

    /** The provider a file named: the winner's when its file named one, else the first source's in priority order. */
    Provider statedProvider() {
        return results.stream().filter(r -> r instanceof SourceResult.Found f && f.provider() != null)
                .map(r -> (SourceResult.Found) r)
                .sorted((a, b) -> Boolean.compare(b.source() == winner, a.source() == winner))
                .map(SourceResult.Found::provider).findFirst().orElse(null);
    }

    /**
     * Every candidate, the winner's first, then by source priority; a host found twice keeps its
     * first (most trusted-by-priority) entry per protocol, port and security.
     */
    public List<ServerCandidate> candidates() {
        List<SourceResult> ordered = new ArrayList<>(results);
        ordered.sort((a, b) -> Boolean.compare(b.source() == winner, a.source() == winner));
        Set<Protocol> unguessable = declinedProtocols();
        Map<String, ServerCandidate> seen = new LinkedHashMap<>();
        for (SourceResult r : ordered) {
            if (r instanceof SourceResult.Found f) {
                for (ServerCandidate c : f.candidates()) {
                    if (c.source() == CandidateSource.GUESS && unguessable.contains(c.protocol())) {
                        continue; // the domain said it does not offer this: guessing would contradict it
                    }
                    seen.putIfAbsent(c.protocol() + " " + c.host() + " " + c.port() + " " + c.security(), c);
                }
            }
        }
        return List.copyOf(seen.values());
    }

    /** Every service a source said is deliberately not offered (SRV target "."). */
    public List<DeclinedService> declined() {
        return results.stream().flatMap(r -> r.declined().stream()).toList();
    }

    /**
     * Protocols the domain declined and named no server for: an SRV "." for one of its services
     * and no SRV target for the other. No servers are guessed for them.
     */
    public Set<Protocol> declinedProtocols() {
        Set<Protocol> offered = EnumSet.noneOf(Protocol.class);
        results.stream().filter(r -> r.source() == CandidateSource.SRV && r instanceof SourceResult.Found)
                .flatMap(r -> ((SourceResult.Found) r).candidates().stream()).forEach(c -> offered.add(c.protocol()));
        Set<Protocol> out = EnumSet.noneOf(Protocol.class);
        declined().stream().map(DeclinedService::protocol).filter(p -> !offered.contains(p)).forEach(out::add);
        return out;
    }

    /** One line per source, for the report: "srv: not found: ...". */
    public List<String> notes() {
        List<String> out = new ArrayList<>();
        for (SourceResult r : results) {
            out.add(r.source().id() + ": " + r.summary() + (r.source() == winner ? " (used first)" : ""));
        }
        declinedProtocols().forEach(p -> out.add("guess: no " + p + " servers guessed, because the domain's SRV records say it offers none"));
        return out;
    }
}
