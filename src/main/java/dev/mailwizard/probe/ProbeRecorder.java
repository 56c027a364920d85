package dev.mailwizard.probe;

import dev.mailwizard.model.AuthMethod;
import dev.mailwizard.model.Outcome;
import dev.mailwizard.model.Endpoint;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects a probe's findings as its phases run, so that a result can be built at any moment:
 * at the end, or from outside when the deadline passes or the run is cancelled.
 */
final class ProbeRecorder {
    final Endpoint endpoint;
    final Transcript transcript = new Transcript();
    private final long startNanos = System.nanoTime();
    private final List<String> warnings = new ArrayList<>();
    private volatile Phase phase = Phase.RESOLVE;
    // Written by the probe's thread, read by finish() from the deadline timer or cancel() on other
    // threads: every field is volatile so a result built from outside sees each finding whole (the
    // lists are never changed after they are handed over; warnings are guarded by this object).
    volatile String address;
    volatile String ehloName = "[127.0.0.1]";
    volatile String banner;
    volatile List<String> capsBefore;
    volatile List<String> capsAfter;
    volatile String starttlsReply;
    volatile List<String> authMechanisms = List.of();
    volatile TlsDetails tls;
    volatile LoginReport login;
    volatile boolean credentialsSent;
    volatile TestMessage testMessage;
    volatile String legacyTlsVersion;
    /** The kind of secret the run logs in with (null: none), for a login that was never reached. */
    private final AuthMethod method;
    volatile Long resolveMs;
    volatile Long connectMs;
    volatile Long greetingMs;
    volatile Long tlsMs;
    volatile Long ehloMs;
    volatile Long loginMs;
    private volatile long phaseStart = System.nanoTime();

    ProbeRecorder(Endpoint endpoint) {
        this(endpoint, null);
    }

    /** {@code method}: the kind of secret the run logs in with, or null when it has none. */
    ProbeRecorder(Endpoint endpoint, AuthMethod method) {
        this.endpoint = endpoint;
        this.method = method;
    }

    Phase phase() {
        return phase;
    }

    void enter(Phase next) {
        phase = next;
        phaseStart = System.nanoTime();
    }

    /** Milliseconds since the current phase started. */
    long phaseMillis() {
        return (System.nanoTime() - phaseStart) / 1_000_000L;
    }

    synchronized void warn(String warning) {
        if (!warnings.contains(warning)) {
            warnings.add(warning);
        }
    }

    synchronized ProbeResult finish(Outcome outcome, String detail) {
        long total = (System.nanoTime() - startNanos) / 1_000_000L;
        LoginReport l = login != null ? login : LoginReport.notAttempted(defaultLoginReason(outcome), method);
        return new ProbeResult(endpoint, address, outcome, detail, banner, capsBefore, capsAfter, starttlsReply,
                authMechanisms, tls, l, credentialsSent,
                new Timings(resolveMs, connectMs, greetingMs, tlsMs, ehloMs, loginMs, total),
                warnings, transcript.lines(), testMessage, legacyTlsVersion);
    }

    private static String defaultLoginReason(Outcome outcome) {
        return outcome == Outcome.OK || outcome == Outcome.PLAIN_OK ? "no password given" : "not tried: the connection was not safe or did not work";
    }
}
