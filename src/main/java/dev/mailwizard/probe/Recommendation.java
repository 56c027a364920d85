package dev.mailwizard.probe;

import dev.mailwizard.model.AppLanguage;
import dev.mailwizard.model.AuthMethod;
import dev.mailwizard.model.Outcome;
import dev.mailwizard.model.Phrase;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;

/**
 * Settings we advise, with the reason in plain words (a {@link Phrase}: English in the JSON report,
 * the app's language on a face); {@code authMethod} is how the login proves who you are.
 */
public record Recommendation(Protocol protocol, String host, int port, Security security, String username,
                             AuthMethod authMethod, String authMechanism, Outcome outcome, Phrase reason) {
    public Recommendation {
        java.util.Objects.requireNonNull(reason, "reason");
    }

    /** With a reason worded once, the same in every language. */
    public Recommendation(Protocol protocol, String host, int port, Security security, String username,
                          AuthMethod authMethod, String authMechanism, Outcome outcome, String why) {
        this(protocol, host, port, security, username, authMethod, authMechanism, outcome, Phrase.verbatim(why));
    }

    /** The reason in English, as the contract's {@code why}. */
    public String why() {
        return reason.english();
    }

    public String why(AppLanguage language) {
        return reason.in(language);
    }
}
