package dev.mailwizard.discovery;

import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.ServerCandidate;

import java.util.List;

/**
 * The last resort, as Thunderbird does it: the usual names under the address's own domain. They
 * are trusted because they stay inside the domain the user typed.
 */
public final class GuessFinder implements CandidateFinder {
    @Override
    public CandidateSource source() {
        return CandidateSource.GUESS;
    }

    @Override
    public SourceResult find(EmailAddress address) {
        String d = address.domain();
        return new SourceResult.Found(CandidateSource.GUESS, List.of(
                guess("smtp." + d, d),
                guess("mail." + d, d),
                guess(d, d)), List.of());
    }

    private static ServerCandidate guess(String host, String domain) {
        return new ServerCandidate(Protocol.SMTP, host, null, null, CandidateSource.GUESS, true,
                "guessed from the domain " + domain);
    }
}
