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
        List<ServerCandidate> out = new java.util.ArrayList<>();
        for (String prefix : List.of("smtp.", "mail.", "")) {
            out.add(guess(Protocol.SMTP, prefix + d, d));
        }
        for (String prefix : List.of("imap.", "mail.", "")) {
            out.add(guess(Protocol.IMAP, prefix + d, d));
        }
        for (String prefix : List.of("pop.", "pop3.", "mail.", "")) {
            out.add(guess(Protocol.POP3, prefix + d, d));
        }
        return new SourceResult.Found(CandidateSource.GUESS, out, List.of());
    }

    private static ServerCandidate guess(Protocol protocol, String host, String domain) {
        return new ServerCandidate(protocol, host, null, null, CandidateSource.GUESS, true,
                "guessed from the domain " + domain);
    }
}
