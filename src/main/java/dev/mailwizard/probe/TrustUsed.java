package dev.mailwizard.probe;

import java.util.List;

/**
 * The trust a run added to the system's, as the person gave it: the CA files ({@code --trust-ca},
 * the wizard's extra CA; absolute paths) and the pinned SHA-256 fingerprints ({@code --pin}, the
 * wizard's "Trust this certificate"). The report records it so an export can carry it.
 */
public record TrustUsed(List<String> extraCaFiles, List<String> pins) {
    public static final TrustUsed NONE = new TrustUsed(List.of(), List.of());

    public TrustUsed {
        extraCaFiles = List.copyOf(extraCaFiles);
        pins = pins.stream().sorted().toList();
    }
}
