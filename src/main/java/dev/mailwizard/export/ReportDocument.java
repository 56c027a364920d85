package dev.mailwizard.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailwizard.model.HelpLink;
import dev.mailwizard.model.LoginDiagnosis;
import dev.mailwizard.model.OAuth2Endpoints;
import dev.mailwizard.model.Outcome;
import dev.mailwizard.model.Provider;
import dev.mailwizard.model.ProviderAdvice;
import dev.mailwizard.model.ProviderNeeds;
import dev.mailwizard.model.Security;
import dev.mailwizard.model.DisplayText;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The help-desk report as plain blocks, built once from the contract's JSON report and rendered
 * as HTML ({@link HtmlRenderer}) or Markdown ({@link MarkdownRenderer}). Everything here is text
 * that may come from a hostile server; the renderers escape it. The JSON may come from a file, so
 * its strings are read through {@link DisplayText} (control and bidi characters become escapes).
 */
record ReportDocument(String title, List<Block> blocks) {
    sealed interface Block {
    }

    record Heading(int level, String text) implements Block {
    }

    record Paragraph(String text, Status status) implements Block {
    }

    /** Label/value pairs, shown as a two-column list. */
    record Facts(List<Map.Entry<String, String>> entries) implements Block {
    }

    record Table(List<String> headers, List<List<String>> rows, List<Status> statuses) implements Block {
    }

    record Code(List<String> lines) implements Block {
    }

    /** Blocks shown folded away under a one-line summary (HTML {@code <details>}). */
    record Folded(String summary, List<Block> blocks) implements Block {
        Folded {
            blocks = List.copyOf(blocks);
        }
    }

    enum Status { OK, WARN, BAD, NONE }

    static ReportDocument from(JsonNode r) {
        String address = text(r, "address");
        List<Block> b = new ArrayList<>();
        b.add(new Facts(List.of(
                Map.entry("Account", address),
                Map.entry("Tested", text(r, "startedAt") + " by " + text(r, "tool")),
                Map.entry("Duration", r.path("elapsedMs").asLong() + " ms" + (r.path("cancelled").asBoolean() ? " (cancelled before the end)" : "")))));
        provider(b, r);
        conclusions(b, r);
        recommendation(b, r);
        everyTest(b, r);
        discovery(b, r);
        b.add(new Paragraph(usesOAuth2(r) ? "Passwords and tokens are never part of this report: transcripts show <redacted> where one was sent."
                : "Passwords are never part of this report: transcripts show <redacted> where one was sent.", Status.NONE));
        return new ReportDocument("MailWizard report for " + address, b);
    }

    /**
     * Who the provider is, what it takes instead of the normal password, and its own help pages.
     * Only https links are shown: the JSON may come from a file someone else wrote.
     */
    /**
     * What the provider accepts from mail programs, its sign-in server and its help pages; a warning
     * when the advised login is a password the provider will not take.
     */
    private static void provider(List<Block> b, JsonNode r) {
        Provider provider = ProviderJson.read(r);
        if (provider == null) {
            return;
        }
        String name = !provider.displayName().isBlank() ? provider.displayName() : !provider.id().isBlank() ? provider.id() : "Your mail provider";
        b.add(new Heading(2, "Provider"));
        List<Map.Entry<String, String>> f = new ArrayList<>();
        f.add(Map.entry("Provider", name + (provider.id().isBlank() || provider.id().equals(name) ? "" : " (" + provider.id() + ")")));
        f.add(Map.entry("Mail programs need", needs(provider.needs())));
        OAuth2Endpoints oauth2 = provider.oauth2();
        if (oauth2 != null) {
            add(f, "OAuth2 sign-in at", oauth2.issuer());
            add(f, "OAuth2 scopes", String.join(" ", oauth2.scopes()));
        }
        b.add(new Facts(f));
        boolean passwordAdvised = "password".equals(text(r.path("recommended"), "authMethod"))
                || "password".equals(text(r.path("recommendedIncoming"), "authMethod"));
        String sentence = ProviderAdvice.passwordSentence(provider, name, dev.mailwizard.model.AppLanguage.ENGLISH);
        if (provider.needs() == ProviderNeeds.OAUTH2 && passwordAdvised) {
            b.add(new Paragraph(name + " accepts only OAuth2 sign-in from mail programs: test again with --oauth2"
                    + " (in the wizard: Sign in).", Status.WARN));
        } else if (!sentence.isEmpty() && !usesOAuth2(r)) { // a run that signed in with OAuth2 needs no such warning
            b.add(new Paragraph(sentence, Status.WARN));
        }
        List<HelpLink> help = provider.help().stream().filter(h -> isHttps(h.url())).toList();
        if (!help.isEmpty()) {
            b.add(new Table(List.of("Help page", "Link", "From"), help.stream().map(h -> List.of(h.description(), h.url(), h.source())).toList(),
                    help.stream().map(h -> Status.NONE).toList()));
        }
    }

    private static String needs(ProviderNeeds needs) {
        if (needs == null) {
            return "not stated by any source";
        }
        return switch (needs) {
            case PASSWORD -> "the normal password";
            case APP_PASSWORD -> "an app password, not the normal password";
            case OAUTH2 -> "OAuth2 sign-in with the provider's own page, no password";
        };
    }

    private static boolean isHttps(String url) {
        try {
            URI uri = new URI(url);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** The settings to use, for each direction that was tested, and what else works. */
    private static void recommendation(List<Block> b, JsonNode r) {
        b.add(new Heading(2, "Recommendation"));
        JsonNode rec = r.path("recommended");
        boolean outgoingTested = tested(r, "SMTP");
        boolean incomingTested = tested(r, "IMAP") || tested(r, "POP3");
        if (rec.isObject()) {
            b.add(new Paragraph("Outgoing (SMTP): " + setting(rec), Status.OK));
            b.add(new Paragraph(text(rec, "why"), Status.NONE));
        } else if (outgoingTested || !incomingTested) {
            b.add(new Paragraph("No secure outgoing setting works. Each test below says why.", Status.BAD));
        }
        JsonNode inc = r.path("recommendedIncoming");
        if (inc.isObject()) {
            b.add(new Paragraph("Incoming (" + text(inc, "protocol") + "): " + setting(inc), Status.OK));
            b.add(new Paragraph(text(inc, "why"), Status.NONE));
        } else if (incomingTested) {
            b.add(new Paragraph("No secure incoming setting (IMAP/POP3) works. Each test below says why.", Status.BAD));
        }
        List<JsonNode> alternatives = new ArrayList<>();
        r.path("alternatives").forEach(alternatives::add);
        r.path("alternativesIncoming").forEach(alternatives::add);
        if (!alternatives.isEmpty()) {
            b.add(new Heading(3, "Also working"));
            b.add(new Table(List.of("Protocol", "Server", "Port", "Security", "User name"),
                    alternatives.stream().map(a -> List.of(text(a, "protocol"), text(a, "host"), text(a, "port"),
                            security(text(a, "security")), text(a, "username"))).toList(),
                    alternatives.stream().map(a -> Status.NONE).toList()));
        }
    }

    /** What the provider accepts, its OAuth2 server and its help pages; only for reports that name a provider. */
    /** Whether a login or a recommendation of this report used an OAuth2 token. */
    private static boolean usesOAuth2(JsonNode r) {
        for (JsonNode p : r.path("probes")) {
            if ("oauth2".equals(text(p.path("login"), "method"))) {
                return true;
            }
        }
        return "oauth2".equals(text(r.path("recommended"), "authMethod")) || "oauth2".equals(text(r.path("recommendedIncoming"), "authMethod"));
    }

    /** A table of every probe, then each probe's details: facts, warnings, transcript. */
    private static void everyTest(List<Block> b, JsonNode r) {
        b.add(new Heading(2, "Every test"));
        List<List<String>> rows = new ArrayList<>();
        List<Status> statuses = new ArrayList<>();
        for (JsonNode p : r.path("probes")) {
            rows.add(List.of(text(p, "protocol"), text(p, "host"), text(p, "port"), security(text(p, "security")),
                    text(p, "outcome"), text(p.path("login"), "result"), text(p.path("timings"), "totalMs") + " ms"));
            statuses.add(status(text(p, "outcome")));
        }
        b.add(new Table(List.of("Protocol", "Server", "Port", "Security", "Outcome", "Login", "Time"), rows, statuses));
        int i = 1;
        for (JsonNode p : r.path("probes")) {
            b.add(new Heading(3, i++ + ". " + text(p, "protocol") + " " + text(p, "host") + " port " + text(p, "port")
                    + " (" + security(text(p, "security")) + "): " + text(p, "outcome")));
            b.add(new Paragraph(text(p, "detail"), status(text(p, "outcome"))));
            probeFacts(b, p);
            strings(p.path("warnings")).forEach(w -> b.add(new Paragraph("Warning: " + w, Status.WARN)));
            List<String> transcript = strings(p.path("transcript"));
            if (!transcript.isEmpty()) {
                b.add(new Code(transcript));
            }
        }
    }

    private static void discovery(List<Block> b, JsonNode r) {
        b.add(new Heading(2, "Where the servers came from"));
        List<List<String>> found = new ArrayList<>();
        for (JsonNode c : r.path("discovery")) {
            found.add(List.of(text(c, "source"), text(c, "protocol"), text(c, "host"), text(c, "port"),
                    security(text(c, "security")), c.path("trusted").asBoolean() ? "yes" : "no", text(c, "detail")));
        }
        b.add(new Table(List.of("Source", "Protocol", "Server", "Port", "Security", "Trusted", "Detail"), found,
                found.stream().map(x -> Status.NONE).toList()));
        strings(r.path("discoveryNotes")).forEach(n -> b.add(new Paragraph(n, Status.NONE)));
    }

    /** The run's conclusions first, each with the rows it stands for folded under it. */
    private static void conclusions(List<Block> b, JsonNode r) {
        JsonNode hints = r.path("hints");
        if (!hints.isArray() || hints.isEmpty()) {
            return;
        }
        b.add(new Heading(2, hints.size() == 1 ? "Conclusion" : "Conclusions"));
        List<JsonNode> probes = new ArrayList<>();
        r.path("probes").forEach(probes::add);
        for (JsonNode h : hints) {
            b.add(new Paragraph(text(h, "text"), Status.WARN));
            List<List<String>> rows = new ArrayList<>();
            List<Status> statuses = new ArrayList<>();
            for (JsonNode i : h.path("probes")) {
                if (i.canConvertToInt() && i.asInt() >= 0 && i.asInt() < probes.size()) {
                    JsonNode p = probes.get(i.asInt());
                    rows.add(List.of(text(p, "protocol"), text(p, "host"), text(p, "port"), security(text(p, "security")),
                            text(p, "outcome"), text(p, "detail")));
                    statuses.add(status(text(p, "outcome")));
                }
            }
            if (!rows.isEmpty()) {
                b.add(new Folded("The " + rows.size() + " test" + (rows.size() == 1 ? "" : "s") + " behind this (" + text(h, "kind") + ")",
                        List.of(new Table(List.of("Protocol", "Server", "Port", "Security", "Outcome", "Detail"), rows, statuses))));
            }
        }
    }

    /** The login; a refused one says why and the fix first, the server's raw reply after. */
    private static void loginFacts(List<Map.Entry<String, String>> f, JsonNode login) {
        if (!login.path("attempted").asBoolean()) {
            add(f, "Login", text(login, "detail").isEmpty() ? "not attempted" : text(login, "detail"));
            return;
        }
        String token = "oauth2".equals(text(login, "method")) ? " (OAuth2 token)" : "";
        if (!login.hasNonNull("diagnosis")) {
            f.add(Map.entry("Login", text(login, "result") + " with " + text(login, "mechanism") + token + ": " + text(login, "reply")));
            return;
        }
        LoginDiagnosis d = LoginDiagnosis.named(text(login, "diagnosis"));
        f.add(Map.entry("Login refused", (d == null ? "" : d.meaning() + " ") + "(" + text(login, "diagnosis") + ", " + text(login, "mechanism") + token + ")"));
        add(f, "Fix", text(login, "advice"));
        add(f, "Help", text(login, "helpUrl"));
        f.add(Map.entry("Server said", text(login, "reply")));
    }

    private static boolean tested(JsonNode r, String protocol) {
        for (JsonNode p : r.path("probes")) {
            if (protocol.equals(text(p, "protocol"))) {
                return true;
            }
        }
        return false;
    }

    private static void probeFacts(List<Block> b, JsonNode p) {
        List<Map.Entry<String, String>> f = new ArrayList<>();
        f.add(Map.entry("Connected to", text(p, "address")));
        add(f, "Greeting", text(p, "banner"));
        add(f, "Offered before TLS", String.join(", ", strings(p.path("capabilitiesBeforeTls"))));
        add(f, "STARTTLS reply", text(p, "starttlsReply"));
        add(f, "Offered after TLS", String.join(", ", strings(p.path("capabilitiesAfterTls"))));
        add(f, "Login methods", String.join(", ", strings(p.path("authMechanisms"))));
        JsonNode tls = p.path("tls");
        if (tls.isObject()) {
            f.add(Map.entry("TLS", text(tls, "protocol") + ", " + text(tls, "cipherSuite")));
            JsonNode c = tls.path("certificate");
            f.add(Map.entry("Certificate", text(c, "subject")));
            f.add(Map.entry("Issued by", text(c, "issuer")));
            f.add(Map.entry("Valid", text(c, "notBefore") + " to " + text(c, "notAfter") + " (" + text(c, "daysLeft") + " days left)"));
            f.add(Map.entry("Names", String.join(", ", strings(c.path("subjectAltNames")))));
            f.add(Map.entry("SHA-256", text(c, "sha256")));
            f.add(Map.entry("Checks", "trusted " + yesNo(c, "trusted") + ", name matches " + yesNo(c, "hostnameMatches")
                    + ", expired " + yesNo(c, "expired") + ", pinned by the user " + yesNo(c, "pinned")));
            add(f, "Trust problem", text(c, "trustProblem"));
        }
        loginFacts(f, p.path("login"));
        f.add(Map.entry("oauth2".equals(text(p.path("login"), "method")) ? "Token sent" : "Password sent",
                p.path("credentialsSent").asBoolean() ? "yes (over verified TLS)" : "no"));
        JsonNode t = p.path("timings");
        List<String> times = new ArrayList<>();
        for (String k : List.of("resolveMs", "connectMs", "greetingMs", "tlsMs", "ehloMs", "loginMs", "totalMs")) {
            if (t.hasNonNull(k)) {
                times.add(k.replace("Ms", "") + " " + t.get(k).asLong() + " ms");
            }
        }
        add(f, "Timings", String.join(", ", times));
        JsonNode test = p.path("testMessage");
        if (test.isObject()) {
            f.add(Map.entry("Test message", "to " + text(test, "to") + ": " + (test.path("accepted").asBoolean() ? "accepted" : "not accepted")
                    + " (" + text(test, "reply") + ")"));
        }
        b.add(new Facts(f));
    }

    private static void add(List<Map.Entry<String, String>> f, String label, String value) {
        if (value != null && !value.isBlank()) {
            f.add(Map.entry(label, value));
        }
    }

    private static String setting(JsonNode n) {
        String s = text(n, "host") + " port " + text(n, "port") + ", " + security(text(n, "security")) + ", user name " + text(n, "username");
        String mech = text(n, "authMechanism");
        String how = mech.isEmpty() ? "" : " (" + mech + ")";
        return switch (text(n, "authMethod")) {
            case "oauth2" -> s + ", signs in with OAuth2" + how;
            case "password" -> s + ", signs in with a password" + how;
            default -> mech.isEmpty() ? s : s + ", login " + mech; // a report older than the sign-in fields
        };
    }

    static String security(String contractValue) {
        Security s = Security.named(contractValue);
        return s == null ? contractValue : s.label();
    }

    /** The colour of an outcome named in the report: {@link Outcome#severity()}, the rule every face shares. */
    static Status status(String outcome) {
        Outcome o = Outcome.named(outcome);
        if (o == null) {
            return Status.BAD; // a newer report's outcome this version cannot judge
        }
        return switch (o.severity()) {
            case WORKS -> Status.OK;
            case WARNING -> Status.WARN;
            case FAILS -> Status.BAD;
        };
    }

    private static String yesNo(JsonNode n, String field) {
        return n.path(field).asBoolean() ? "yes" : "no";
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() ? "" : DisplayText.escape(v.asText());
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(DisplayText.escape(v.asText())));
        return out;
    }
}
