package dev.mailwizard.probe;

import dev.mailwizard.model.Endpoint;

import java.util.List;
import java.util.Objects;

/**
 * One conclusion about the whole run, in words a help desk can act on, and the probes it stands
 * for (their rows can be shown collapsed below it). Empty {@code covers} for a conclusion that
 * comes from discovery rather than from probes.
 */
public record Hint(HintKind kind, String text, List<Endpoint> covers) {
    public Hint {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        covers = List.copyOf(covers);
    }

    public boolean covers(Endpoint endpoint) {
        return covers.contains(endpoint);
    }
}
