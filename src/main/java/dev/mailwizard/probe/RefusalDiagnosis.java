package dev.mailwizard.probe;

import dev.mailwizard.model.AppLanguage;
import dev.mailwizard.model.DisplayText;
import dev.mailwizard.model.LoginDiagnosis;
import dev.mailwizard.model.Phrase;

/**
 * Why a server refused a login, as a help desk would read its reply: the diagnosis, what to do
 * (plain words, fitted to the provider when it is known, kept as a {@link Phrase} so each face can
 * say it in its language) and the provider's help page (or null).
 */
public record RefusalDiagnosis(LoginDiagnosis diagnosis, Phrase fix, String helpUrl) {
    public RefusalDiagnosis {
        java.util.Objects.requireNonNull(diagnosis, "diagnosis");
        fix = fix == null ? Phrase.of(diagnosis.key() + ".advice") : fix;
        helpUrl = DisplayText.escape(helpUrl);
    }

    /** What to do, in English (the JSON report's {@code advice}). */
    public String advice() {
        return advice(AppLanguage.ENGLISH);
    }

    public String advice(AppLanguage language) {
        return DisplayText.escape(fix.in(language));
    }
}
