package dev.mailwizard.probe;

import dev.mailwizard.model.Outcome;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;

/** Settings we advise, with the reason in plain words. */
public record Recommendation(Protocol protocol, String host, int port, Security security, String username,
                             String authMechanism, Outcome outcome, String why) {
}
