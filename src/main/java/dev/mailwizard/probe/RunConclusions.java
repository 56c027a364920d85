package dev.mailwizard.probe;

import dev.mailwizard.model.Outcome;
import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.DeclinedService;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.HostNames;
import dev.mailwizard.model.Phrase;
import dev.mailwizard.model.Security;
import dev.mailwizard.model.ServerCandidate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Draws the conclusions a help desk would draw from a whole run (CONTRACT.md, "Hints for the
 * whole run"): one sentence that stands for many rows. Each rule looks at every probe of a host
 * (never at one port alone) and says what to do.
 */
final class RunConclusions {
    private final List<ProbeResult> results;
    private final List<ServerCandidate> candidates;
    private final String account;

    private RunConclusions(List<ProbeResult> results, List<ServerCandidate> candidates, String account) {
        this.results = results.stream().filter(r -> r.outcome() != Outcome.SKIPPED).toList();
        this.candidates = candidates;
        this.account = account;
    }

    /**
     * The conclusions, most fundamental first. {@code control} is asked (in parallel, within
     * {@code controlTimeout}) only about hosts whose every mail port was silent or refused.
     */
    static List<Hint> draw(List<ProbeResult> results, List<ServerCandidate> candidates, List<DeclinedService> declined,
                           String account, ControlPort control, Duration controlTimeout) {
        RunConclusions c = new RunConclusions(results, candidates, account);
        List<Hint> hints = new ArrayList<>();
        declined.forEach(d -> hints.add(c.notOffered(d)));
        c.namesNotFound().ifPresent(hints::add);
        hints.addAll(c.unreachable(control, controlTimeout));
        hints.addAll(c.sharedCertificateProblems());
        hints.addAll(c.oldTlsOnly());
        return hints;
    }

    private Hint notOffered(DeclinedService d) {
        return new Hint(HintKind.SERVICE_NOT_OFFERED, Phrase.of("hint.service_not_offered", domain(), serviceWords(d), d.recordName()), List.of());
    }

    /** "sending mail with STARTTLS", "IMAP over implicit TLS". */
    private static Phrase serviceWords(DeclinedService d) {
        return Phrase.of("hint.service." + d.protocol().name().toLowerCase(Locale.ROOT) + (d.security() == Security.TLS ? ".tls" : ".starttls"));
    }

    private java.util.Optional<Hint> namesNotFound() {
        if (results.isEmpty() || !results.stream().allMatch(r -> r.outcome() == Outcome.UNRESOLVED)) {
            return java.util.Optional.empty();
        }
        List<String> names = results.stream().map(r -> r.endpoint().host()).distinct().toList();
        Set<CandidateSource> sources = candidates.stream().filter(c -> names.contains(c.host()))
                .map(ServerCandidate::source).collect(Collectors.toSet());
        String list = names.stream().map(HostNames::toUnicode).collect(Collectors.joining(", "));
        String which = sources.equals(Set.of(CandidateSource.GUESS)) ? "guessed"
                : sources.equals(Set.of(CandidateSource.USER)) ? "typed" : "tried";
        Phrase text = Phrase.of("hint.name_not_found." + which, domain(), list, names.size());
        return java.util.Optional.of(new Hint(HintKind.NAME_NOT_FOUND, text, endpoints(results)));
    }

    /** Hosts whose every mail port (two at least) timed out or refused the connection. */
    private List<Hint> unreachable(ControlPort control, Duration timeout) {
        Map<String, List<ProbeResult>> silent = new LinkedHashMap<>();
        Map<String, CompletableFuture<Boolean>> answers = new LinkedHashMap<>();
        byHost().forEach((host, probes) -> {
            boolean allSilent = probes.stream().allMatch(r -> r.outcome() == Outcome.TIMEOUT
                    || (r.outcome() == Outcome.REFUSED && !r.connected()));
            long ports = probes.stream().map(r -> r.endpoint().port()).distinct().count();
            String address = probes.stream().map(ProbeResult::address).filter(a -> a != null).findFirst().orElse(null);
            if (allSilent && ports >= 2 && address != null) {
                silent.put(host, probes); // the control checks of several hosts run at once
                answers.put(host, CompletableFuture.supplyAsync(() -> control.answers(address, timeout), daemonExecutor()));
            }
        });
        List<Hint> out = new ArrayList<>();
        answers.forEach((host, answer) -> {
            List<ProbeResult> probes = silent.get(host);
            String ports = probes.stream().map(r -> Integer.toString(r.endpoint().port())).distinct().collect(Collectors.joining(", "));
            HintKind kind = answer.join() ? HintKind.MAIL_PORTS_BLOCKED : HintKind.SERVER_UNREACHABLE;
            out.add(new Hint(kind, Phrase.of("hint." + kind.name().toLowerCase(Locale.ROOT), HostNames.toUnicode(host), ports,
                    Integer.toString(control.port())), endpoints(probes)));
        });
        return out;
    }

    private static java.util.concurrent.Executor daemonExecutor() {
        return task -> {
            Thread t = new Thread(task, "control-port-check");
            t.setDaemon(true);
            t.start();
        };
    }

    /** Hosts where every port that reached TLS showed the same certificate with the same problem. */
    private List<Hint> sharedCertificateProblems() {
        List<Hint> out = new ArrayList<>();
        byHost().forEach((host, probes) -> {
            List<ProbeResult> withCert = probes.stream().filter(r -> r.tls() != null && r.tls().certificate() != null).toList();
            if (withCert.size() < 2 || probes.stream().anyMatch(r -> r.outcome().secureTransport())) {
                return;
            }
            Outcome problem = withCert.get(0).outcome();
            String sha = withCert.get(0).tls().certificate().sha256();
            boolean same = withCert.stream().allMatch(r -> r.outcome() == problem && r.tls().certificate().sha256().equals(sha));
            if (!same || !Set.of(Outcome.CERT_UNTRUSTED, Outcome.CERT_EXPIRED, Outcome.CERT_HOSTNAME_MISMATCH).contains(problem)) {
                return;
            }
            String detail = withCert.get(0).detail().replace("; no password was sent", "");
            out.add(new Hint(HintKind.CERTIFICATE_PROBLEM, Phrase.of("hint.certificate_problem", HostNames.toUnicode(host),
                    withCert.size(), detail, Phrase.of(problem.key() + ".advice")), endpoints(withCert)));
        });
        return out;
    }

    private List<Hint> oldTlsOnly() {
        List<Hint> out = new ArrayList<>();
        byHost().forEach((host, probes) -> {
            List<ProbeResult> old = probes.stream().filter(r -> r.legacyTlsVersion() != null).toList();
            if (old.isEmpty()) {
                return;
            }
            Object version = old.stream().map(ProbeResult::legacyTlsWords).distinct().<Object>map(v -> v)
                    .reduce((a, b) -> Phrase.of("hint.either", a, b)).orElseThrow();
            String ports = old.stream().map(r -> Integer.toString(r.endpoint().port())).distinct().collect(Collectors.joining(", "));
            out.add(new Hint(HintKind.OLD_TLS_ONLY, Phrase.of("hint.old_tls_only", HostNames.toUnicode(host), version, old.size(), ports),
                    endpoints(old)));
        });
        return out;
    }

    private Map<String, List<ProbeResult>> byHost() {
        Map<String, List<ProbeResult>> map = new LinkedHashMap<>();
        results.forEach(r -> map.computeIfAbsent(r.endpoint().host(), h -> new ArrayList<>()).add(r));
        return map;
    }

    /** The account's domain, or the words "this domain" without an account. */
    private Object domain() {
        if (account == null) {
            return Phrase.of("hint.this_domain");
        }
        int at = account.lastIndexOf('@');
        return HostNames.toUnicode(at >= 0 ? account.substring(at + 1) : account);
    }

    private static List<Endpoint> endpoints(List<ProbeResult> probes) {
        return probes.stream().map(ProbeResult::endpoint).distinct().toList();
    }
}
