package dev.mailwizard.probe;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the one-attempt rule of a probe run: at most one login per server (by host name and by
 * address, since two names often lead to one server), and none at all after a definite
 * rejection, because accounts lock after a few failures.
 */
final class LoginGate {
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, String> claimedBy = new ConcurrentHashMap<>();
    private volatile String rejectedAt;

    /**
     * Claims the login for this server. Returns empty when the caller may log in, otherwise the
     * reason it may not.
     */
    synchronized Optional<String> claim(String host, String address, String where) {
        if (rejectedAt != null) {
            return Optional.of("not tried: the password was already rejected at " + rejectedAt + " (one attempt per run, so the account does not lock)");
        }
        String h = "host:" + host.toLowerCase(Locale.ROOT);
        String a = "addr:" + address;
        String previous = claimedBy.get(h) != null ? claimedBy.get(h) : claimedBy.get(a);
        if (previous != null) {
            return Optional.of("not tried again: the login for this server is checked once, at " + previous);
        }
        claimed.add(h);
        claimed.add(a);
        claimedBy.put(h, where);
        claimedBy.put(a, where);
        return Optional.empty();
    }

    void rejected(String where) {
        rejectedAt = where;
    }
}
