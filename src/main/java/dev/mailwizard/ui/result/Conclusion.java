package dev.mailwizard.ui.result;

import dev.mailwizard.probe.HintKind;

import java.util.List;

/** A conclusion about the whole run, in words, and the failed rows it stands for (shown collapsed under it). */
public record Conclusion(HintKind kind, String text, List<FailureItem> rows) {
    public Conclusion {
        rows = List.copyOf(rows);
    }
}
