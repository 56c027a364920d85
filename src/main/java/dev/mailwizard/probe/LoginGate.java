package dev.mailwizard.probe;

import dev.mailwizard.model.AuthMethod;
import dev.mailwizard.model.Endpoint;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the one-attempt rule of a probe run: at most one login per server (by host name and by
 * address, since two names often lead to one server), and none at all after a definite
 * rejection, because accounts lock after a few failures.
 *
 * <p>Which port gets that one login should not depend on thread timing, so a probe that is ready
 * to log in first waits a little for the better-ranked ports of its host (465 before 587 ...) to
 * finish their diagnosis; a better port that is stuck (a tarpit) holds it up only briefly.
 */
final class LoginGate {
    /** Longest wait for better-ranked ports of the same host. */
    static final Duration MAX_WAIT = Duration.ofMillis(1500);

    private final Map<String, List<Endpoint>> byHost = new HashMap<>();
    private final Set<Endpoint> diagnosed = new HashSet<>();
    private final Map<Endpoint, String> ready = new HashMap<>();
    private final Map<String, String> claimedBy = new HashMap<>();
    private String rejectedAt;
    private String rejectedSecret;
    /** One login at a time per server address, across protocols: a rejection then stops the others. */
    private final Map<String, java.util.concurrent.locks.ReentrantLock> attemptLocks = new java.util.concurrent.ConcurrentHashMap<>();

    private final java.util.function.LongSupplier nanoClock;

    LoginGate(List<PlannedProbe> plan) {
        this(plan, System::nanoTime);
    }

    /** A gate whose waits are measured on {@code nanoClock} (tests drive it by hand). */
    LoginGate(List<PlannedProbe> plan, java.util.function.LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        for (PlannedProbe p : plan) {
            if (p.mayLogin()) {
                byHost.computeIfAbsent(key(p.endpoint()), h -> new java.util.ArrayList<>()).add(p.endpoint());
            }
        }
    }

    /** The probe of this endpoint has finished its diagnosis (whatever the result). */
    synchronized void diagnosed(Endpoint endpoint) {
        if (diagnosed.add(endpoint)) {
            notifyAll();
        }
    }

    /** The probe of this endpoint is verified and wants the host's login; {@code where} describes it. */
    synchronized void ready(Endpoint endpoint, String where) {
        ready.put(endpoint, where);
        diagnosed(endpoint);
    }

    /** Waits, bounded by {@link #MAX_WAIT} and the deadline, until every better-ranked port of the host is diagnosed. */
    synchronized void awaitBetterPorts(Endpoint endpoint, Deadline deadline) throws InterruptedException {
        long until = nanoClock.getAsLong() + Math.min(MAX_WAIT.toNanos(), deadline.remainingNanos() / 2);
        int rank = PortMatrix.rank(endpoint.port(), endpoint.security());
        while (true) {
            boolean pending = byHost.getOrDefault(key(endpoint), List.of()).stream()
                    .anyMatch(e -> !e.equals(endpoint) && PortMatrix.rank(e.port(), e.security()) < rank && !diagnosed.contains(e));
            long left = until - nanoClock.getAsLong();
            if (!pending || left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000L));
        }
    }

    /**
     * Claims the login for this server. Returns empty when the caller may log in, otherwise the
     * reason it may not.
     */
    synchronized Optional<String> claim(Endpoint endpoint, String address, String where) {
        if (rejectedAt != null) {
            return Optional.of("not tried: " + rejectedSecret + " was already rejected at " + rejectedAt + " (one attempt per run, so the account does not lock)");
        }
        int rank = PortMatrix.rank(endpoint.port(), endpoint.security());
        Optional<String> better = ready.entrySet().stream()
                .filter(e -> key(e.getKey()).equals(key(endpoint)) && !e.getKey().equals(endpoint)
                        && PortMatrix.rank(e.getKey().port(), e.getKey().security()) < rank)
                .map(Map.Entry::getValue).findFirst();
        if (better.isPresent()) {
            return Optional.of("not tried again: the login for this server is checked once, at " + better.get());
        }
        // One attempt per server and protocol: the SMTP and IMAP logins of one account may both be checked.
        String h = "host:" + key(endpoint);
        String a = "addr:" + endpoint.protocol() + " " + address;
        String previous = claimedBy.containsKey(h) ? claimedBy.get(h) : claimedBy.get(a);
        if (previous != null) {
            return Optional.of("not tried again: the login for this server is checked once, at " + previous);
        }
        claimedBy.put(h, where);
        claimedBy.put(a, where);
        return Optional.empty();
    }

    private static String key(Endpoint e) {
        return e.protocol() + " " + e.host().toLowerCase(Locale.ROOT);
    }

    /** The lock to hold while logging in to the server at {@code address}. */
    java.util.concurrent.locks.ReentrantLock attemptLock(String address) {
        return attemptLocks.computeIfAbsent(address, a -> new java.util.concurrent.locks.ReentrantLock());
    }

    /** The server at {@code where} refused the run's secret, a password or a sign-in token ({@code method}). */
    synchronized void rejected(String where, AuthMethod method) {
        rejectedAt = where;
        rejectedSecret = method == AuthMethod.OAUTH2 ? "the sign-in token" : "the password";
    }
}
