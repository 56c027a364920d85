package dev.mailwizard.probe;

/** Milliseconds spent in each phase of a probe; null for a phase that did not run. */
public record Timings(Long resolveMs, Long connectMs, Long greetingMs, Long tlsMs, Long ehloMs, Long loginMs, long totalMs) {
}
