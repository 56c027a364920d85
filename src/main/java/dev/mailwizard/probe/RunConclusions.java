package dev.mailwizard.probe;

import dev.mailwizard.model.Outcome;
import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.DeclinedService;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.HostNames;
import dev.mailwizard.model.Security;
import dev.mailwizard.model.ServerCandidate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
        return new Hint(HintKind.SERVICE_NOT_OFFERED, "The DNS of " + domain() + " says it does not offer " + serviceWords(d)
                + ": " + d.recordName() + " points to \".\" (no server), so MailWizard did not guess one for it.", List.of());
    }

    private static String serviceWords(DeclinedService d) {
        String how = d.security() == Security.TLS ? " over implicit TLS" : " with STARTTLS";
        return switch (d.protocol()) {
            case SMTP -> "sending mail" + how;
            case IMAP -> "IMAP" + how;
            case POP3 -> "POP3" + how;
        };
    }

    private java.util.Optional<Hint> namesNotFound() {
        if (results.isEmpty() || !results.stream().allMatch(r -> r.outcome() == Outcome.UNRESOLVED)) {
            return java.util.Optional.empty();
        }
        List<String> names = results.stream().map(r -> r.endpoint().host()).distinct().toList();
        Set<CandidateSource> sources = candidates.stream().filter(c -> names.contains(c.host()))
                .map(ServerCandidate::source).collect(Collectors.toSet());
        String list = names.stream().map(HostNames::toUnicode).collect(Collectors.joining(", "));
        String text;
        if (sources.equals(Set.of(CandidateSource.GUESS))) {
            text = (names.size() == 1 ? "The name MailWizard guessed for " + domain() + " (" + list + ") does not exist"
                    : "None of the " + names.size() + " names MailWizard guessed for " + domain() + " exists (" + list + ")")
                    + ": check the domain for a typing mistake, or type your provider's server name.";
        } else if (sources.equals(Set.of(CandidateSource.USER))) {
            text = names.size() == 1 ? "The server name " + list + " does not exist in DNS: check its spelling."
                    : "None of the server names you typed exists in DNS (" + list + "): check their spelling.";
        } else {
            text = "None of the " + names.size() + " server names tried exists in DNS (" + list
                    + "): check the domain, or type your provider's server name.";
        }
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
            String where = HostNames.toUnicode(host) + " does not answer on any mail port MailWizard tried (" + ports + ")";
            out.add(answer.join()
                    ? new Hint(HintKind.MAIL_PORTS_BLOCKED, where + ", but the same address answers on HTTPS (port " + control.port()
                    + "): your network (hotel, public Wi-Fi, company firewall, ISP) blocks outgoing mail ports; try another network"
                    + " or ask its administrator.", endpoints(probes))
                    : new Hint(HintKind.SERVER_UNREACHABLE, where + ", nor on HTTPS (port " + control.port()
                    + "): the server is unreachable from here (down, or the name points to the wrong address); check the server name,"
                    + " or try again later.", endpoints(probes)));
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
            out.add(new Hint(HintKind.CERTIFICATE_PROBLEM, "Every port of " + HostNames.toUnicode(host) + " that MailWizard reached ("
                    + withCert.size() + ") shows the same certificate with the same problem: " + detail + ". Fix: "
                    + problem.advice() + ". No password was sent.", endpoints(withCert)));
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
            String version = old.stream().map(ProbeResult::legacyTlsWords).distinct().collect(Collectors.joining(" or "));
            String ports = old.stream().map(r -> Integer.toString(r.endpoint().port())).distinct().collect(Collectors.joining(", "));
            out.add(new Hint(HintKind.OLD_TLS_ONLY, HostNames.toUnicode(host) + " speaks only " + version + " (port" + (old.size() == 1 ? " " : "s ")
                    + ports + "), which is no longer safe: the provider must update it. MailWizard sends no password over it.", endpoints(old)));
        });
        return out;
    }

    private Map<String, List<ProbeResult>> byHost() {
        Map<String, List<ProbeResult>> map = new LinkedHashMap<>();
        results.forEach(r -> map.computeIfAbsent(r.endpoint().host(), h -> new ArrayList<>()).add(r));
        return map;
    }

    private String domain() {
        if (account == null) {
            return "this domain";
        }
        int at = account.lastIndexOf('@');
        return HostNames.toUnicode(at >= 0 ? account.substring(at + 1) : account);
    }

    private static List<Endpoint> endpoints(List<ProbeResult> probes) {
        return probes.stream().map(ProbeResult::endpoint).distinct().toList();
    }
}
