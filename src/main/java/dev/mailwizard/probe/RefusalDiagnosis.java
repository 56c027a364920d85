package dev.mailwizard.probe;

import dev.mailwizard.model.DisplayText;
import dev.mailwizard.model.LoginDiagnosis;

/**
 * Why a server refused a login, as a help desk would read its reply: the diagnosis, what to do
 * (plain words, fitted to the provider when it is known) and the provider's help page (or null).
 */
public record RefusalDiagnosis(LoginDiagnosis diagnosis, String advice, String helpUrl) {
    public RefusalDiagnosis {
        java.util.Objects.requireNonNull(diagnosis, "diagnosis");
        advice = DisplayText.escape(advice == null ? diagnosis.advice() : advice);
        helpUrl = DisplayText.escape(helpUrl);
    }
}
