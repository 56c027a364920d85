package dev.mailwizard.report;

import dev.mailwizard.model.AuthMethod;
import dev.mailwizard.model.HostNames;
import dev.mailwizard.model.Provider;
import dev.mailwizard.model.ProviderAdvice;
import dev.mailwizard.model.Security;
import dev.mailwizard.probe.CertificateReport;
import dev.mailwizard.probe.Hint;
import dev.mailwizard.probe.LoginStatus;
import dev.mailwizard.model.Outcome;
import dev.mailwizard.probe.ProbeReport;
import dev.mailwizard.probe.ProbeResult;
import dev.mailwizard.probe.Recommendation;

import java.util.List;
import java.util.Locale;

/**
 * The human-readable report a help-desk person reads in a terminal: a table of every probe, the
 * recommendation in plain words, and what failed with the fix. Colour only when asked (a terminal).
 */
public final class TextReport {
    private final boolean colour;

    public TextReport(boolean colour) {
        this.colour = colour;
    }

    public String render(ProbeReport report, boolean withTranscript) {
        StringBuilder out = new StringBuilder();
        String who = report.address() == null ? "" : " for " + report.address();
        boolean incoming = report.incomingAsked();
        String what = !incoming ? "outgoing mail (SMTP)" : report.outgoingAsked() ? "incoming (IMAP/POP3) and outgoing (SMTP) mail"
                : "incoming mail (IMAP/POP3)";
        out.append(bold("MailWizard: " + what + who)).append('\n');
        long hosts = report.probes().stream().map(p -> p.endpoint().host()).distinct().count();
        out.append(String.format(Locale.ROOT, "Tested %d endpoint%s on %d server%s in %.1f s%s%n%n",
                report.probes().size(), report.probes().size() == 1 ? "" : "s", hosts, hosts == 1 ? "" : "s",
                report.elapsedMs() / 1000.0, report.cancelled() ? " (CANCELLED: showing what finished)" : ""));
        provider(out, report.provider());
        conclusions(out, report.hints());
        table(out, report.probes(), incoming);
        out.append('\n');
        if (report.outgoingAsked()) {
            recommendation(out, report);
        }
        incoming(out, report);
        failures(out, report.probes(), report.hints());
        warnings(out, report.probes());
        discovery(out, report);
        if (withTranscript) {
            transcripts(out, report.probes());
        }
        return out.toString();
    }

    /** Who the provider is and what it takes instead of the normal password, with its own help page. */
    private void provider(StringBuilder out, Provider p) {
        if (p == null) {
            return;
        }
        String sentence = ProviderAdvice.passwordSentence(p, "It");
        String help = ProviderAdvice.mainHelp(p).map(h -> " Help: " + h.url()).orElse("");
        out.append(bold("Provider:")).append(' ')
                .append(wrap(p.displayName() + "." + (sentence.isEmpty() ? "" : " " + sentence) + help, 10)).append("\n\n");
    }

    /** What the whole run shows, before the rows it stands for. */
    private void conclusions(StringBuilder out, List<Hint> hints) {
        if (hints.isEmpty()) {
            return;
        }
        out.append(bold(hints.size() == 1 ? "Conclusion:" : "Conclusions:")).append('\n');
        for (Hint h : hints) {
            out.append("  ").append(yellow("> ")).append(wrap(h.text() + " [" + h.kind() + "]", 4)).append('\n');
        }
        out.append('\n');
    }

    private void table(StringBuilder out, List<ProbeResult> probes, boolean withProtocol) {
        int hostWidth = Math.max(6, probes.stream().mapToInt(p -> HostNames.toUnicode(p.endpoint().host()).length()).max().orElse(6));
        String proto = withProtocol ? "%-5s " : "";
        out.append(String.format(Locale.ROOT, "  " + proto + "%-" + hostWidth + "s  %5s  %-8s  %-22s  %7s  %s%n",
                withProtocol ? new Object[]{"PROTO", "SERVER", "PORT", "SECURITY", "RESULT", "TIME", "LOGIN"}
                        : new Object[]{"SERVER", "PORT", "SECURITY", "RESULT", "TIME", "LOGIN"}));
        for (ProbeResult p : probes) {
            String outcome = p.outcome().name();
            String coloured = pad(outcome, 22);
            coloured = switch (p.outcome().severity()) {
                case WORKS -> green(coloured);
                case WARNING -> yellow(coloured);
                case FAILS -> red(coloured);
            };
            String login = switch (p.login().result()) {
                case OK -> "accepted";
                case REJECTED -> "REJECTED";
                case NOT_ATTEMPTED -> p.login().attempted() ? "failed" : "-";
            };
            out.append(String.format(Locale.ROOT, "  " + (withProtocol ? String.format(Locale.ROOT, "%-5s ", p.endpoint().protocol()) : "")
                            + "%-" + hostWidth + "s  %5d  %-8s  %s  %7s  %s%n",
                    HostNames.toUnicode(p.endpoint().host()), p.endpoint().port(), securityWord(p.endpoint().security()),
                    coloured, p.timings().totalMs() + " ms", login));
        }
        if (probes.isEmpty()) {
            out.append("  (nothing was tested)\n");
        }
    }

    private void recommendation(StringBuilder out, ProbeReport report) {
        Recommendation r = report.recommended();
        if (r == null) {
            out.append(red(bold("No secure configuration works."))).append('\n');
            out.append("None of the servers and ports above accepted an encrypted connection with a valid certificate.\n");
            if (report.hints().isEmpty()) {
                out.append("Read the reasons below; the most common fixes are a different server name, a network that\n")
                        .append("does not block ports 465/587, or the provider's CA certificate (--trust-ca).\n\n");
            } else {
                out.append("The conclusion above says why and what to do.\n\n");
            }
            return;
        }
        boolean both = report.probes().stream().anyMatch(p -> p.endpoint().protocol() != dev.mailwizard.model.Protocol.SMTP);
        String title = (r.outcome() == Outcome.PLAIN_OK ? "Works, but UNENCRYPTED" : r.outcome() == Outcome.LOGIN_REJECTED
                ? rejectedTitle(report) : "Recommended settings") + (both ? " (outgoing mail, SMTP):" : ":");
        out.append(bold(title)).append('\n');
        out.append("  Server:    ").append(HostNames.toUnicode(r.host())).append('\n');
        out.append("  Port:      ").append(r.port()).append('\n');
        out.append("  Security:  ").append(r.security().label()).append(r.security() == Security.TLS ? " (implicit TLS)" : "").append('\n');
        if (r.username() != null) {
            out.append("  Login:     ").append(r.username()).append(loginWords(report, r)).append('\n');
        }
        report.probes().stream()
                .filter(p -> p.endpoint().host().equals(r.host()) && p.endpoint().port() == r.port() && p.endpoint().security() == r.security())
                .findFirst().filter(p -> p.tls() != null).ifPresent(p -> certificateLine(out, p.tls().certificate()));
        report.discovery().stream().filter(c -> c.host().equals(r.host())).findFirst().ifPresent(c ->
                out.append("  Found by:  ").append(c.source() == dev.mailwizard.model.CandidateSource.USER
                                ? (c.detail().isBlank() ? "typed by you" : c.detail())
                                : c.source().words() + (c.trusted() ? "" : " (unverified: confirm it with --host)")
                                + (c.detail().isBlank() ? "" : ", " + c.detail())).append('\n'));
        out.append("  Why:       ").append(wrap(r.why(), 13)).append("\n\n");
        if (!report.alternatives().isEmpty()) {
            out.append("Also works: ");
            out.append(String.join(", ", report.alternatives().stream()
                    .map(a -> HostNames.toUnicode(a.host()) + " " + a.port() + " " + a.security().label()).toList()));
            out.append("\n\n");
        }
    }

    /**
     * How the recommended settings log in: " (password, PLAIN)"; for a token ", signed in with OAuth2
     * (XOAUTH2)" when the server accepted it, else " (OAuth2, XOAUTH2)".
     */
    private static String loginWords(ProbeReport report, Recommendation r) {
        String mechanism = r.authMechanism();
        if (r.authMethod() != AuthMethod.OAUTH2) {
            return mechanism != null ? " (password, " + mechanism + ")" : "";
        }
        boolean signedIn = report.probes().stream().anyMatch(p -> p.endpoint().host().equals(r.host())
                && p.endpoint().protocol() == r.protocol() && p.login().result() == LoginStatus.OK);
        if (signedIn) {
            return ", signed in with OAuth2" + (mechanism != null ? " (" + mechanism + ")" : "");
        }
        return " (OAuth2" + (mechanism != null ? ", " + mechanism : "") + ")";
    }

    /** "Right settings, wrong password", unless the refusal says the password is not the problem. */
    private static String rejectedTitle(ProbeReport report) {
        return report.probes().stream().map(p -> p.login().refusal()).filter(java.util.Objects::nonNull).findFirst()
                .filter(r -> r.diagnosis() != dev.mailwizard.model.LoginDiagnosis.CREDENTIALS_WRONG)
                .map(r -> "Right settings, but the login was refused").orElse("Right settings, wrong password");
    }

    private void incoming(StringBuilder out, ProbeReport report) {
        if (!report.incomingAsked()) {
            return;
        }
        Recommendation in = report.recommendedIncoming();
        if (in == null) {
            out.append(red(bold("No secure incoming server (IMAP/POP3) works."))).append('\n');
            if (!report.outgoingAsked()) {
                out.append("None of the servers and ports above accepted an encrypted connection with a valid certificate.\n")
                        .append("Read the reasons below.\n");
            }
            out.append('\n');
            return;
        }
        out.append(bold("Incoming mail:")).append('\n');
        out.append("  Protocol:  ").append(in.protocol()).append('\n');
        out.append("  Server:    ").append(HostNames.toUnicode(in.host())).append('\n');
        out.append("  Port:      ").append(in.port()).append('\n');
        out.append("  Security:  ").append(in.security().label()).append('\n');
        if (in.username() != null && in.authMethod() == AuthMethod.OAUTH2) {
            out.append("  Login:     ").append(in.username()).append(loginWords(report, in)).append('\n');
        }
        out.append("  Why:       ").append(wrap(in.why(), 13)).append('\n');
        Recommendation outMail = report.recommended();
        if (outMail != null) {
            out.append("  In short:  ").append(wrap(in.protocol() + " " + HostNames.toUnicode(in.host()) + " " + in.port() + " " + in.security().label()
                    + " + SMTP " + HostNames.toUnicode(outMail.host()) + " " + outMail.port() + " " + outMail.security().label()
                    + (in.protocol() == dev.mailwizard.model.Protocol.IMAP ? " (IMAP keeps your mail on the server, in sync across devices)" : ""), 13)).append('\n');
        }
        out.append('\n');
    }

    private void certificateLine(StringBuilder out, CertificateReport c) {
        out.append("  Cert:      ").append(c.subject()).append(", issued by ").append(c.issuer())
                .append(c.expired() ? ", EXPIRED" : ", valid " + c.daysLeft() + " more days")
                .append(c.pinned() && !c.trusted() ? ", PINNED by you (not verified)" : "").append('\n');
        out.append("  SHA-256:   ").append(c.sha256()).append('\n');
    }

    private void failures(StringBuilder out, List<ProbeResult> probes, List<Hint> hints) {
        List<ProbeResult> failed = probes.stream().filter(p -> p.outcome() != Outcome.OK).toList();
        if (failed.isEmpty()) {
            return;
        }
        out.append(bold("What did not work, and why:")).append('\n');
        // Rows that a conclusion stands for are said once, as that conclusion.
        for (Hint h : hints) {
            long covered = failed.stream().filter(p -> h.covers(p.endpoint())).count();
            if (covered > 0) {
                out.append("  ").append(String.join(", ", failed.stream().filter(p -> h.covers(p.endpoint()))
                                .map(p -> HostNames.toUnicode(p.endpoint().host())).distinct().toList()))
                        .append(" (").append(covered).append(covered == 1 ? " check" : " checks").append("): ")
                        .append(h.kind()).append(", see the conclusion above\n");
            }
        }
        failed = failed.stream().filter(p -> hints.stream().noneMatch(h -> h.covers(p.endpoint()))).toList();
        // A name that does not exist fails on every port alike: say it once.
        java.util.Set<String> unresolvedHosts = new java.util.LinkedHashSet<>();
        for (ProbeResult p : failed) {
            String host = p.endpoint().host();
            if (probes.stream().filter(q -> q.endpoint().host().equals(host)).allMatch(q -> q.outcome() == Outcome.UNRESOLVED)) {
                unresolvedHosts.add(host);
            }
        }
        for (String host : unresolvedHosts) {
            out.append("  ").append(HostNames.toUnicode(host)).append(" (all ports): UNRESOLVED, ")
                    .append(Outcome.UNRESOLVED.meaning()).append('\n');
        }
        for (ProbeResult p : failed) {
            if (unresolvedHosts.contains(p.endpoint().host())) {
                continue;
            }
            out.append("  ").append(HostNames.toUnicode(p.endpoint().host())).append(' ').append(p.endpoint().port()).append(' ')
                    .append(securityWord(p.endpoint().security())).append(": ").append(p.outcome().name()).append(", ")
                    .append(p.outcome().meaning()).append('\n');
            if (p.login().refusal() != null) {
                refusal(out, p);
                continue;
            }
            if (!p.detail().isBlank()) {
                out.append("      ").append(wrap(p.detail(), 6)).append('\n');
            }
            if (!p.advice().isEmpty()) {
                out.append("      Fix: ").append(wrap(p.advice(), 11)).append('\n');
            }
        }
        out.append('\n');
    }

    /** A refused login: what the reply means and the fix first, the help page, then the server's own words. */
    private void refusal(StringBuilder out, ProbeResult p) {
        var r = p.login().refusal();
        out.append("      ").append(wrap(r.diagnosis().meaning() + " [" + r.diagnosis() + "]; nothing was retried", 6)).append('\n');
        out.append("      Fix: ").append(wrap(r.advice(), 11)).append('\n');
        if (r.helpUrl() != null) {
            out.append("      Help: ").append(r.helpUrl()).append('\n');
        }
        out.append("      Server said: ").append(wrap(String.valueOf(p.login().reply()), 19)).append('\n');
    }

    private void warnings(StringBuilder out, List<ProbeResult> probes) {
        List<String> lines = probes.stream().flatMap(p -> p.warnings().stream()
                .map(w -> HostNames.toUnicode(p.endpoint().host()) + " " + p.endpoint().port() + ": " + w)).distinct().toList();
        if (lines.isEmpty()) {
            return;
        }
        out.append(bold("Warnings:")).append('\n');
        lines.forEach(l -> out.append("  ").append(yellow("! ")).append(l).append('\n'));
        out.append('\n');
    }

    private void discovery(StringBuilder out, ProbeReport report) {
        if (report.discoveryNotes().isEmpty()) {
            return;
        }
        out.append(bold("Where MailWizard looked:")).append('\n');
        report.discoveryNotes().forEach(n -> out.append("  ").append(wrap(n, 4)).append('\n'));
        long untrusted = report.discovery().stream().filter(c -> !c.trusted()).count();
        if (untrusted > 0) {
            out.append("  ").append(untrusted).append(" server(s) came from outside your domain and got no password;")
                    .append(" confirm one with --host to include it in the login check.\n");
        }
        out.append('\n');
    }

    private void transcripts(StringBuilder out, List<ProbeResult> probes) {
        for (ProbeResult p : probes) {
            out.append(bold("Transcript " + p.endpoint().host() + ":" + p.endpoint().port() + " " + p.endpoint().security())).append('\n');
            p.transcript().forEach(l -> out.append("  ").append(l).append('\n'));
            out.append('\n');
        }
    }

    static String securityWord(Security s) {
        return s.shortLabel();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    static String wrap(String text, int indent) {
        StringBuilder b = new StringBuilder();
        int col = indent;
        for (String word : text.split(" ")) {
            if (col + word.length() > 100 && col > indent) {
                b.append('\n').append(" ".repeat(indent));
                col = indent;
            } else if (b.length() > 0) {
                b.append(' ');
                col++;
            }
            b.append(word);
            col += word.length();
        }
        return b.toString();
    }

    private String bold(String s) {
        return colour ? "\u001b[1m" + s + "\u001b[0m" : s;
    }

    private String green(String s) {
        return colour ? "\u001b[32m" + s + "\u001b[0m" : s;
    }

    private String yellow(String s) {
        return colour ? "\u001b[33m" + s + "\u001b[0m" : s;
    }

    private String red(String s) {
        return colour ? "\u001b[31m" + s + "\u001b[0m" : s;
    }
}
