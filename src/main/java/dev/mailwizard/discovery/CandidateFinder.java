package dev.mailwizard.discovery;

import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.EmailAddress;

/**
 * One source of candidate servers for an address (DNS SRV, autoconfig, ISPDB, MX, guessing).
 * Blocking; bounded by its own timeouts; never throws (every failure is a {@link SourceResult}).
 */
public interface CandidateFinder {
    CandidateSource source();

    SourceResult find(EmailAddress address);
}
