package dev.mailwizard.discovery;

import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.DeclinedService;
import dev.mailwizard.model.Provider;
import dev.mailwizard.model.ServerCandidate;

import java.util.List;

/** How one discovery source ended. Built by the sources; the runner only reads it. */
public sealed interface SourceResult {
    CandidateSource source();

    /** Words for the report: what the source found or why not. */
    String summary();

    /**
     * The reason alone, without "not found:" or "failed:" (for joining several); the NotFound and
     * Failed records answer it with their {@code reason} component.
     */
    default String reason() {
        return summary();
    }

    /** Services the source says are deliberately not offered (SRV target "."); empty for other sources. */
    default List<DeclinedService> declined() {
        return List.of();
    }

    /**
     * The source answered with servers.
     *
     * @param provider the provider its autoconfig or ISPDB file names (null for DNS and guesses, or when the file names none)
     */
    record Found(CandidateSource source, List<ServerCandidate> candidates, List<String> notes, List<DeclinedService> declined,
                 Provider provider) implements SourceResult {
        public Found {
            candidates = List.copyOf(candidates);
            notes = List.copyOf(notes);
            declined = List.copyOf(declined);
        }

        public Found(CandidateSource source, List<ServerCandidate> candidates, List<String> notes, List<DeclinedService> declined) {
            this(source, candidates, notes, declined, null);
        }

        public Found(CandidateSource source, List<ServerCandidate> candidates, List<String> notes) {
            this(source, candidates, notes, List.of());
        }

        @Override
        public String summary() {
            return candidates.size() + " server" + (candidates.size() == 1 ? "" : "s") + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
        }
    }

    /** The source answered: nothing there (NXDOMAIN, 404, "." SRV target). */
    record NotFound(CandidateSource source, String reason, List<DeclinedService> declined) implements SourceResult {
        public NotFound {
            declined = List.copyOf(declined);
        }

        public NotFound(CandidateSource source, String reason) {
            this(source, reason, List.of());
        }

        @Override
        public String summary() {
            return "not found: " + reason;
        }
    }

    /** The source could not answer (no network, timeout, SERVFAIL, invalid data). */
    record Failed(CandidateSource source, String reason) implements SourceResult {
        @Override
        public String summary() {
            return "failed: " + reason;
        }
    }
}
