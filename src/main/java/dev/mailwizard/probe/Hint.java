package dev.mailwizard.probe;

import dev.mailwizard.model.AppLanguage;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.Phrase;

import java.util.List;
import java.util.Objects;

/**
 * One conclusion about the whole run, in words a help desk can act on, and the probes it stands
 * for (their rows can be shown collapsed below it). Empty {@code covers} for a conclusion that
 * comes from discovery rather than from probes. The words are a {@link Phrase}: English in the
 * JSON report ({@link #text()}), the app's language on a face ({@link #text(AppLanguage)}).
 */
public record Hint(HintKind kind, Phrase words, List<Endpoint> covers) {
    public Hint {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(words, "words");
        covers = List.copyOf(covers);
    }

    /** A conclusion worded once, the same in every language. */
    public Hint(HintKind kind, String text, List<Endpoint> covers) {
        this(kind, Phrase.verbatim(Objects.requireNonNull(text, "text")), covers);
    }

    /** The English sentence, as CONTRACT's hint {@code text}. */
    public String text() {
        return words.english();
    }

    public String text(AppLanguage language) {
        return words.in(language);
    }

    public boolean covers(Endpoint endpoint) {
        return covers.contains(endpoint);
    }
}
