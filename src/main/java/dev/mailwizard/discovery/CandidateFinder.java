package dev.mailwizard.discovery;

import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.ServerCandidate;

import java.util.List;

/** One source of candidate servers for an address (DNS SRV, autoconfig, ISPDB, MX, guessing). */
public interface CandidateFinder {
    List<ServerCandidate> find(EmailAddress address);
}
