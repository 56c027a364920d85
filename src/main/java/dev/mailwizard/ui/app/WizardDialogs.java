package dev.mailwizard.ui.app;

import dev.mailwizard.probe.ProbeResult;

/**
 * The dialogs the wizard needs (JabRef's DialogService idea): the window shows them as JavaFX
 * alerts ({@link FxWizardDialogs}); ViewModel tests answer them without a toolkit.
 */
public interface WizardDialogs {
    /**
     * Asks whether to trust {@code probe}'s certificate for this account. {@code strong}: the
     * certificate is for another name or expired, so the dialog warns as such. True only on an
     * explicit yes; the safe answer is the default.
     */
    boolean confirmTrust(ProbeResult probe, boolean strong, String warning);

    /** Shows the probe's certificate, if it has one. */
    void showCertificate(ProbeResult probe);
}
