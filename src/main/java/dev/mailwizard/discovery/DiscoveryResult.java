package dev.mailwizard.discovery;

import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.ServerCandidate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What discovery found: each source's result in priority order, and the winner (the
 * highest-priority source that found servers; null when none did).
 */
public record DiscoveryResult(List<SourceResult> results, CandidateSource winner, long elapsedMs) {
    public DiscoveryResult {
        results = List.copyOf(results);
    }

    /**
     * Every candidate, the winner's first, then by source priority; a host found twice keeps its
     * first (most trusted-by-priority) entry per protocol, port and security.
     */
    public List<ServerCandidate> candidates() {
        List<SourceResult> ordered = new ArrayList<>(results);
        ordered.sort((a, b) -> Boolean.compare(b.source() == winner, a.source() == winner));
        Map<String, ServerCandidate> seen = new LinkedHashMap<>();
        for (SourceResult r : ordered) {
            if (r instanceof SourceResult.Found f) {
                for (ServerCandidate c : f.candidates()) {
                    seen.putIfAbsent(c.protocol() + " " + c.host() + " " + c.port() + " " + c.security(), c);
                }
            }
        }
        return List.copyOf(seen.values());
    }

    /** One line per source, for the report: "srv: not found: ...". */
    public List<String> notes() {
        List<String> out = new ArrayList<>();
        for (SourceResult r : results) {
            out.add(r.source().id() + ": " + r.summary() + (r.source() == winner ? " (used first)" : ""));
        }
        return out;
    }
}
