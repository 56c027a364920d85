package dev.mailwizard.probe;

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
    String address;
    String ehloName = "[127.0.0.1]";
    String banner;
    List<String> capsBefore;
    List<String> capsAfter;
    String starttlsReply;
    List<String> authMechanisms = List.of();
    TlsDetails tls;
    LoginReport login;
    boolean credentialsSent;
    TestMessage testMessage;
    String legacyTlsVersion;
    Long resolveMs;
    Long connectMs;
    Long greetingMs;
    Long tlsMs;
    Long ehloMs;
    Long loginMs;
    private long phaseStart = System.nanoTime();

    ProbeRecorder(Endpoint endpoint) {
        this.endpoint = endpoint;
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
        LoginReport l = login != null ? login : LoginReport.notAttempted(defaultLoginReason(outcome));
        return new ProbeResult(endpoint, address, outcome, detail, banner, capsBefore, capsAfter, starttlsReply,
                authMechanisms, tls, l, credentialsSent,
                new Timings(resolveMs, connectMs, greetingMs, tlsMs, ehloMs, loginMs, total),
                warnings, transcript.lines(), testMessage, legacyTlsVersion);
    }

    private static String defaultLoginReason(Outcome outcome) {
        return outcome == Outcome.OK || outcome == Outcome.PLAIN_OK ? "no password given" : "not tried: the connection was not safe or did not work";
    }
}
