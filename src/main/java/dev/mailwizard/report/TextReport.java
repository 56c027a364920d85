package dev.mailwizard.report;

import dev.mailwizard.model.AppLanguage;
import dev.mailwizard.model.AuthMethod;
import dev.mailwizard.model.HostNames;
import dev.mailwizard.model.Provider;
import dev.mailwizard.model.ProviderAdvice;
import dev.mailwizard.model.Security;
import dev.mailwizard.model.Words;
import dev.mailwizard.probe.CertificateReport;
import dev.mailwizard.probe.Hint;
import dev.mailwizard.probe.LoginStatus;
import dev.mailwizard.model.Outcome;
import dev.mailwizard.probe.ProbeReport;
import dev.mailwizard.probe.ProbeResult;
import dev.mailwizard.probe.Recommendation;

import java.util.List;

/**
 * The human-readable report a help-desk person reads in a terminal: a table of every probe, the
 * recommendation in plain words, and what failed with the fix. Colour only when asked (a terminal).
 * Its words come from the {@link Words} bundle ({@code report.*}) in the language it is made for;
 * what servers said (details, replies, transcripts) and the recommender's reasons stay English.
 */
public final class TextReport {
    private static final List<String> LABELS = List.of("server", "port", "security", "login", "cert", "sha256", "found_by", "why",
            "protocol", "in_short");
    private final boolean colour;
    private final AppLanguage language;
    /** Width of the settings' labels ("Server:" and the spaces after it), so the values line up. */
    private final int labelWidth;

    /** A report in the app's language. */
    public TextReport(boolean colour) {
        this(colour, AppLanguage.current());
    }

    public TextReport(boolean colour, AppLanguage language) {
        this.colour = colour;
        this.language = language;
        this.labelWidth = LABELS.stream().mapToInt(l -> TerminalWidth.columns(w("report.label." + l))).max().orElse(0) + 2;
    }

    private String w(String key, Object... args) {
        return Words.in(language, key, args);
    }

    /** "  Server:    " */
    private String label(String name) {
        return "  " + pad(w("report.label." + name), labelWidth);
    }

    /** Where a value after {@link #label} starts, for wrapping. */
    private int valueColumn() {
        return 2 + labelWidth;
    }

    public String render(ProbeReport report, boolean withTranscript) {
        StringBuilder out = new StringBuilder();
        boolean incoming = report.incomingAsked();
        String what = w(!incoming ? "report.title.outgoing" : report.outgoingAsked() ? "report.title.both" : "report.title.incoming");
        out.append(bold(report.address() == null ? w("report.title", what) : w("report.title.for", what, report.address()))).append('\n');
        long hosts = report.probes().stream().map(p -> p.endpoint().host()).distinct().count();
        out.append(w("report.tested", report.probes().size(), hosts, report.elapsedMs() / 1000.0))
                .append(report.cancelled() ? " " + w("report.cancelled") : "").append("\n\n");
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
        String sentence = ProviderAdvice.passwordSentence(p, w("report.provider.it"), language);
        String help = ProviderAdvice.mainHelp(p).map(h -> " " + w("report.help") + " " + h.url()).orElse("");
        out.append(bold(w("report.provider"))).append(' ')
                .append(wrap(p.displayName() + "." + (sentence.isEmpty() ? "" : " " + sentence) + help, 10)).append("\n\n");
    }

    /** What the whole run shows, before the rows it stands for. */
    private void conclusions(StringBuilder out, List<Hint> hints) {
        if (hints.isEmpty()) {
            return;
        }
        out.append(bold(w("report.conclusions", hints.size()))).append('\n');
        for (Hint h : hints) {
            out.append("  ").append(yellow("> ")).append(wrap(h.text(language) + " [" + h.kind() + "]", 4)).append('\n');
        }
        out.append('\n');
    }

    private void table(StringBuilder out, List<ProbeResult> probes, boolean withProtocol) {
        String[] head = {w("report.col.proto"), w("report.col.server"), w("report.col.port"), w("report.col.security"),
                w("report.col.result"), w("report.col.time"), w("report.col.login")};
        int protoWidth = Math.max(5, TerminalWidth.columns(head[0]));
        int hostWidth = Math.max(Math.max(6, TerminalWidth.columns(head[1])),
                probes.stream().mapToInt(p -> TerminalWidth.columns(HostNames.toUnicode(p.endpoint().host()))).max().orElse(6));
        int portWidth = Math.max(5, TerminalWidth.columns(head[2]));
        int securityWidth = Math.max(8, TerminalWidth.columns(head[3]));
        int resultWidth = Math.max(22, TerminalWidth.columns(head[4]));
        int timeWidth = Math.max(7, TerminalWidth.columns(head[5]));
        // Padded by terminal columns, not characters: a Japanese header is twice as wide as it is long.
        out.append("  ").append(withProtocol ? pad(head[0], protoWidth) + " " : "")
                .append(pad(head[1], hostWidth)).append("  ").append(TerminalWidth.padLeft(head[2], portWidth)).append("  ")
                .append(pad(head[3], securityWidth)).append("  ").append(pad(head[4], resultWidth)).append("  ")
                .append(TerminalWidth.padLeft(head[5], timeWidth)).append("  ").append(head[6]).append('\n');
        for (ProbeResult p : probes) {
            String outcome = p.outcome().name();
            String coloured = pad(outcome, resultWidth);
            coloured = switch (p.outcome().severity()) {
                case WORKS -> green(coloured);
                case WARNING -> yellow(coloured);
                case FAILS -> red(coloured);
            };
            String login = switch (p.login().result()) {
                case OK -> w("report.login.accepted");
                case REJECTED -> w("report.login.rejected");
                case NOT_ATTEMPTED -> p.login().attempted() ? w("report.login.failed") : "-";
            };
            out.append("  ").append(withProtocol ? pad(p.endpoint().protocol().name(), protoWidth) + " " : "")
                    .append(pad(HostNames.toUnicode(p.endpoint().host()), hostWidth)).append("  ")
                    .append(TerminalWidth.padLeft(Integer.toString(p.endpoint().port()), portWidth)).append("  ")
                    .append(pad(securityWord(p.endpoint().security()), securityWidth)).append("  ").append(coloured).append("  ")
                    .append(TerminalWidth.padLeft(p.timings().totalMs() + " ms", timeWidth)).append("  ").append(login).append('\n');
        }
        if (probes.isEmpty()) {
            out.append("  ").append(w("report.nothing_tested")).append('\n');
        }
    }

    private void recommendation(StringBuilder out, ProbeReport report) {
        Recommendation r = report.recommended();
        if (r == null) {
            out.append(red(bold(w("report.none_secure")))).append('\n');
            out.append(w("report.none_secure.why")).append('\n');
            out.append(w(report.hints().isEmpty() ? "report.none_secure.fixes" : "report.none_secure.concluded")).append("\n\n");
            return;
        }
        boolean both = report.probes().stream().anyMatch(p -> p.endpoint().protocol() != dev.mailwizard.model.Protocol.SMTP);
        String title = r.outcome() == Outcome.PLAIN_OK ? w("report.recommended.plain") : r.outcome() == Outcome.LOGIN_REJECTED
                ? rejectedTitle(report) : w("report.recommended");
        out.append(bold(w(both ? "report.heading.outgoing" : "report.heading", title))).append('\n');
        out.append(label("server")).append(HostNames.toUnicode(r.host())).append('\n');
        out.append(label("port")).append(r.port()).append('\n');
        out.append(label("security")).append(r.security().label()).append(r.security() == Security.TLS ? " " + w("report.implicit_tls") : "").append('\n');
        if (r.username() != null) {
            out.append(label("login")).append(r.username()).append(loginWords(report, r)).append('\n');
        }
        report.probes().stream()
                .filter(p -> p.endpoint().host().equals(r.host()) && p.endpoint().port() == r.port() && p.endpoint().security() == r.security())
                .findFirst().filter(p -> p.tls() != null).ifPresent(p -> certificateLine(out, p.tls().certificate()));
        report.discovery().stream().filter(c -> c.host().equals(r.host())).findFirst().ifPresent(c ->
                out.append(label("found_by")).append(c.source() == dev.mailwizard.model.CandidateSource.USER
                                ? (c.detail().isBlank() ? c.source().words(language) : c.detail())
                                : c.source().words(language) + (c.trusted() ? "" : " " + w("report.found.unverified"))
                                + (c.detail().isBlank() ? "" : ", " + c.detail())).append('\n'));
        out.append(label("why")).append(wrap(r.why(language), valueColumn())).append("\n\n");
        if (!report.alternatives().isEmpty()) {
            out.append(w("report.also_works")).append(' ');
            out.append(String.join(", ", report.alternatives().stream()
                    .map(a -> HostNames.toUnicode(a.host()) + " " + a.port() + " " + a.security().label()).toList()));
            out.append("\n\n");
        }
    }

    /**
     * How the recommended settings log in: " (password, PLAIN)"; for a token ", signed in with OAuth2
     * (XOAUTH2)" when the server accepted it, else " (OAuth2, XOAUTH2)".
     */
    private String loginWords(ProbeReport report, Recommendation r) {
        String mechanism = r.authMechanism();
        if (r.authMethod() != AuthMethod.OAUTH2) {
            return mechanism != null ? " " + w("report.login.password", mechanism) : "";
        }
        boolean signedIn = report.probes().stream().anyMatch(p -> p.endpoint().host().equals(r.host())
                && p.endpoint().protocol() == r.protocol() && p.login().result() == LoginStatus.OK);
        if (signedIn) {
            return w("report.login.signed_in") + (mechanism != null ? " (" + mechanism + ")" : "");
        }
        return " (OAuth2" + (mechanism != null ? ", " + mechanism : "") + ")";
    }

    /** "Right settings, wrong password", unless the refusal says the password is not the problem. */
    private String rejectedTitle(ProbeReport report) {
        return report.probes().stream().map(p -> p.login().refusal()).filter(java.util.Objects::nonNull).findFirst()
                .filter(r -> r.diagnosis() != dev.mailwizard.model.LoginDiagnosis.CREDENTIALS_WRONG)
                .map(r -> w("report.recommended.refused")).orElse(w("report.recommended.wrong_password"));
    }

    private void incoming(StringBuilder out, ProbeReport report) {
        if (!report.incomingAsked()) {
            return;
        }
        Recommendation in = report.recommendedIncoming();
        if (in == null) {
            out.append(red(bold(w("report.incoming.none")))).append('\n');
            if (!report.outgoingAsked()) {
                out.append(w("report.none_secure.why")).append('\n').append(w("report.incoming.read_below")).append('\n');
            }
            out.append('\n');
            return;
        }
        out.append(bold(w("report.incoming"))).append('\n');
        out.append(label("protocol")).append(in.protocol()).append('\n');
        out.append(label("server")).append(HostNames.toUnicode(in.host())).append('\n');
        out.append(label("port")).append(in.port()).append('\n');
        out.append(label("security")).append(in.security().label()).append('\n');
        if (in.username() != null && in.authMethod() == AuthMethod.OAUTH2) {
            out.append(label("login")).append(in.username()).append(loginWords(report, in)).append('\n');
        }
        out.append(label("why")).append(wrap(in.why(language), valueColumn())).append('\n');
        Recommendation outMail = report.recommended();
        if (outMail != null) {
            out.append(label("in_short")).append(wrap(in.protocol() + " " + HostNames.toUnicode(in.host()) + " " + in.port() + " " + in.security().label()
                    + " + SMTP " + HostNames.toUnicode(outMail.host()) + " " + outMail.port() + " " + outMail.security().label()
                    + (in.protocol() == dev.mailwizard.model.Protocol.IMAP ? " " + w("report.in_short.imap") : ""), valueColumn())).append('\n');
        }
        out.append('\n');
    }

    private void certificateLine(StringBuilder out, CertificateReport c) {
        out.append(label("cert")).append(w("report.cert", c.subject(), c.issuer()))
                .append(", ").append(c.expired() ? w("report.cert.expired") : w("report.cert.valid", c.daysLeft()))
                .append(c.pinned() && !c.trusted() ? ", " + w("report.cert.pinned") : "").append('\n');
        out.append(label("sha256")).append(c.sha256()).append('\n');
    }

    private void failures(StringBuilder out, List<ProbeResult> probes, List<Hint> hints) {
        List<ProbeResult> failed = probes.stream().filter(p -> p.outcome() != Outcome.OK).toList();
        if (failed.isEmpty()) {
            return;
        }
        out.append(bold(w("report.failures"))).append('\n');
        // Rows that a conclusion stands for are said once, as that conclusion.
        for (Hint h : hints) {
            long covered = failed.stream().filter(p -> h.covers(p.endpoint())).count();
            if (covered > 0) {
                String hosts = String.join(", ", failed.stream().filter(p -> h.covers(p.endpoint()))
                        .map(p -> HostNames.toUnicode(p.endpoint().host())).distinct().toList());
                out.append("  ").append(w("report.failures.covered", hosts, covered, h.kind().name())).append('\n');
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
            out.append("  ").append(w("report.failures.unresolved", HostNames.toUnicode(host), Outcome.UNRESOLVED.meaning(language))).append('\n');
        }
        for (ProbeResult p : failed) {
            if (unresolvedHosts.contains(p.endpoint().host())) {
                continue;
            }
            out.append("  ").append(HostNames.toUnicode(p.endpoint().host())).append(' ').append(p.endpoint().port()).append(' ')
                    .append(securityWord(p.endpoint().security())).append(": ").append(p.outcome().name()).append(", ")
                    .append(p.outcome().meaning(language)).append('\n');
            if (p.login().refusal() != null) {
                refusal(out, p);
                continue;
            }
            if (!p.detail().isBlank()) {
                out.append("      ").append(wrap(p.detail(), 6)).append('\n');
            }
            String advice = p.advice(language);
            if (!advice.isEmpty()) {
                fact(out, "report.fix", advice);
            }
        }
        out.append('\n');
    }

    /** A refused login: what the reply means and the fix first, the help page, then the server's own words. */
    private void refusal(StringBuilder out, ProbeResult p) {
        var r = p.login().refusal();
        out.append("      ").append(wrap(w("report.refusal", r.diagnosis().meaning(language), r.diagnosis().name()), 6)).append('\n');
        fact(out, "report.fix", r.advice(language));
        if (r.helpUrl() != null) {
            out.append("      ").append(w("report.help")).append(' ').append(r.helpUrl()).append('\n');
        }
        fact(out, "report.server_said", String.valueOf(p.login().reply()));
    }

    /** "      Fix: text", wrapped under its own start. */
    private void fact(StringBuilder out, String labelKey, String text) {
        String name = w(labelKey);
        out.append("      ").append(name).append(' ').append(wrap(text, 7 + name.length())).append('\n');
    }

    private void warnings(StringBuilder out, List<ProbeResult> probes) {
        List<String> lines = probes.stream().flatMap(p -> p.warnings().stream()
                .map(w -> HostNames.toUnicode(p.endpoint().host()) + " " + p.endpoint().port() + ": " + w)).distinct().toList();
        if (lines.isEmpty()) {
            return;
        }
        out.append(bold(w("report.warnings"))).append('\n');
        lines.forEach(l -> out.append("  ").append(yellow("! ")).append(l).append('\n'));
        out.append('\n');
    }

    private void discovery(StringBuilder out, ProbeReport report) {
        if (report.discoveryNotes().isEmpty()) {
            return;
        }
        out.append(bold(w("report.discovery"))).append('\n');
        report.discoveryNotes().forEach(n -> out.append("  ").append(wrap(n, 4)).append('\n'));
        long untrusted = report.discovery().stream().filter(c -> !c.trusted()).count();
        if (untrusted > 0) {
            out.append("  ").append(w("report.discovery.untrusted", untrusted)).append('\n');
        }
        out.append('\n');
    }

    private void transcripts(StringBuilder out, List<ProbeResult> probes) {
        for (ProbeResult p : probes) {
            out.append(bold(w("report.transcript") + " " + p.endpoint().host() + ":" + p.endpoint().port() + " " + p.endpoint().security())).append('\n');
            p.transcript().forEach(l -> out.append("  ").append(l).append('\n'));
            out.append('\n');
        }
    }

    static String securityWord(Security s) {
        return s.shortLabel();
    }

    private static String pad(String s, int width) {
        return TerminalWidth.padRight(s, width);
    }

    /**
     * {@code text} in lines of at most 100 terminal columns, continued at {@code indent}. Breaks at
     * spaces; a run of wide characters (Japanese has no spaces) may also break between two of them.
     */
    static String wrap(String text, int indent) {
        StringBuilder b = new StringBuilder();
        int col = indent;
        for (String word : text.split(" ")) {
            int width = TerminalWidth.columns(word);
            if (col + width > 100 && col > indent && !hasWide(word)) {
                b.append('\n').append(" ".repeat(indent));
                col = indent;
            } else if (b.length() > 0) {
                b.append(' ');
                col++;
            }
            for (int i = 0; i < word.length(); ) {
                int cp = word.codePointAt(i);
                int w = TerminalWidth.columns(cp);
                if (TerminalWidth.isWide(cp) && col + w > 100 && col > indent) {
                    b.append('\n').append(" ".repeat(indent));
                    col = indent;
                }
                b.appendCodePoint(cp);
                col += w;
                i += Character.charCount(cp);
            }
        }
        return b.toString();
    }

    private static boolean hasWide(String word) {
        return word.codePoints().anyMatch(TerminalWidth::isWide);
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
