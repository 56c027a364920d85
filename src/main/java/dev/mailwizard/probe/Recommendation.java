package dev.mailwizard.probe;

import dev.mailwizard.model.AuthMethod;
import dev.mailwizard.model.Outcome;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;

/** Settings we advise, with the reason in plain words; {@code authMethod} is how the login proves who you are. */
public record Recommendation(Protocol protocol, String host, int port, Security security, String username,
                             AuthMethod authMethod, String authMechanism, Outcome outcome, String why) {
}
