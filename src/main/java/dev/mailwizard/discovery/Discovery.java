package dev.mailwizard.discovery;

import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.ServerCandidate;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds candidate servers. Hosts the user typed come first and skip discovery; otherwise the
 * finders run in priority order (for now only guessing; DNS SRV, autoconfig, ISPDB and MX join
 * here later).
 */
public final class Discovery {
    private final List<CandidateFinder> finders;

    public Discovery(List<CandidateFinder> finders) {
        this.finders = List.copyOf(finders);
    }

    public static Discovery standard() {
        return new Discovery(List.of(new GuessFinder()));
    }

    /** Candidates for hosts typed by the user: trusted, no discovery. */
    public static List<ServerCandidate> typed(List<String> hosts) {
        return hosts.stream()
                .map(h -> new ServerCandidate(Protocol.SMTP, h, null, null, CandidateSource.USER, true, "typed by you"))
                .toList();
    }

    public List<ServerCandidate> discover(EmailAddress address) {
        List<ServerCandidate> all = new ArrayList<>();
        for (CandidateFinder finder : finders) {
            all.addAll(finder.find(address));
        }
        return all;
    }

    static boolean fromUser(ServerCandidate c) {
        return c.source() == CandidateSource.USER;
    }
}
