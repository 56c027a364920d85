package dev.mailwizard.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.DeclinedService;
import dev.mailwizard.model.DisplayText;
import dev.mailwizard.model.Provider;
import dev.mailwizard.model.ServerCandidate;
import dev.mailwizard.probe.CertificateReport;
import dev.mailwizard.probe.Hint;
import dev.mailwizard.probe.LoginReport;
import dev.mailwizard.probe.ProbeReport;
import dev.mailwizard.probe.ProbeResult;
import dev.mailwizard.probe.Recommendation;
import dev.mailwizard.probe.Timings;

import java.util.List;

/**
 * The JSON report of CONTRACT.md (schemaVersion 1). Built field by field, so the public names
 * cannot drift when a Java record is renamed.
 */
public final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /** The report as JSON text; transcripts only when asked for. */
    public static String write(ProbeReport report, boolean withTranscript) {
        try {
            return MAPPER.writeValueAsString(toTree(report, withTranscript));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JSON report", e);
        }
    }

    /** One line, for JSON Lines output. */
    public static String writeLine(ProbeReport report, boolean withTranscript) {
        return toTree(report, withTranscript).toString();
    }

    /** The report as a JSON tree (the export writers read this, whether it came from a file or a live run). */
    public static ObjectNode toTree(ProbeReport report, boolean withTranscript) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", ProbeReport.SCHEMA_VERSION);
        root.put("tool", report.tool());
        root.put("address", report.address());
        root.put("startedAt", report.startedAt().toString());
        root.put("elapsedMs", report.elapsedMs());
        ArrayNode discovery = root.putArray("discovery");
        report.discovery().forEach(c -> discovery.add(candidate(c)));
        report.declined().forEach(d -> discovery.add(declined(d)));
        ArrayNode notes = root.putArray("discoveryNotes");
        report.discoveryNotes().forEach(notes::add);
        root.set("provider", provider(report.provider()));
        ArrayNode probes = root.putArray("probes");
        report.probes().forEach(p -> probes.add(probe(p, withTranscript)));
        if (report.recommended() == null) {
            root.putNull("recommended");
        } else {
            root.set("recommended", recommendation(report.recommended()));
        }
        ArrayNode alternatives = root.putArray("alternatives");
        report.alternatives().forEach(a -> alternatives.add(recommendation(a)));
        if (report.recommendedIncoming() != null) {
            root.set("recommendedIncoming", recommendation(report.recommendedIncoming()));
        }
        ArrayNode alternativesIncoming = root.putArray("alternativesIncoming");
        report.alternativesIncoming().forEach(a -> alternativesIncoming.add(recommendation(a)));
        root.put("cancelled", report.cancelled());
        ArrayNode hints = root.putArray("hints");
        report.hints().forEach(h -> hints.add(hint(h, report.probes())));
        ObjectNode trust = root.putObject("trust");
        report.trust().extraCaFiles().forEach(trust.putArray("extraCaFiles")::add);
        report.trust().pins().forEach(trust.putArray("pins")::add);
        escapeStrings(root);
        return root;
    }

    /** A conclusion, with the indexes (into "probes") of the rows it stands for. */
    private static ObjectNode hint(Hint h, List<ProbeResult> probes) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("kind", h.kind().name());
        n.put("text", h.text());
        ArrayNode covers = n.putArray("probes");
        for (int i = 0; i < probes.size(); i++) {
            if (h.covers(probes.get(i).endpoint())) {
                covers.add(i);
            }
        }
        return n;
    }

    /** An SRV record that says "." : a discovery entry with host "." and {@code "offered": false}. */
    private static ObjectNode declined(DeclinedService d) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("source", CandidateSource.SRV.id());
        n.put("protocol", d.protocol().name());
        n.put("host", ".");
        n.putNull("port");
        n.put("security", d.security().name());
        n.put("trusted", true);
        n.put("detail", d.recordName() + " points to \".\": the domain does not offer this service");
        n.putArray("authentication");
        n.put("offered", false);
        return n;
    }

    /** Every string as DisplayText shows it: the records are clean already; this also covers fields added later. */
    private static void escapeStrings(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.properties().forEach(field -> {
                if (field.getValue().isTextual()) {
                    field.setValue(escaped((TextNode) field.getValue()));
                } else {
                    escapeStrings(field.getValue());
                }
            });
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isTextual()) {
                    a.set(i, escaped((TextNode) a.get(i)));
                } else {
                    escapeStrings(a.get(i));
                }
            }
        }
    }

    private static TextNode escaped(TextNode text) {
        String shown = DisplayText.escape(text.textValue());
        return shown.equals(text.textValue()) ? text : TextNode.valueOf(shown);
    }

    private static ObjectNode candidate(ServerCandidate c) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("source", c.source().id());
        n.put("protocol", c.protocol().name());
        n.put("host", c.host());
        if (c.port() == null) {
            n.putNull("port");
        } else {
            n.put("port", c.port());
        }
        n.put("security", c.security() == null ? null : c.security().name());
        n.put("trusted", c.trusted());
        n.put("detail", c.detail());
        strings(n, "authentication", c.authentication());
        return n;
    }

    /** CONTRACT "Sign-in": the provider, or null when no source named one; each help link says where it came from. */
    private static JsonNode provider(Provider p) {
        if (p == null) {
            return MAPPER.nullNode();
        }
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", p.id());
        n.put("displayName", p.displayName());
        n.put("needs", p.needs() == null ? null : p.needs().name());
        if (p.oauth2() == null) {
            n.putNull("oauth2");
        } else {
            ObjectNode o = n.putObject("oauth2");
            o.put("issuer", p.oauth2().issuer());
            strings(o, "scopes", p.oauth2().scopes());
            o.put("authorizationEndpoint", p.oauth2().authorizationEndpoint());
            o.put("tokenEndpoint", p.oauth2().tokenEndpoint());
        }
        ArrayNode help = n.putArray("help");
        p.help().forEach(h -> help.addObject().put("url", h.url()).put("description", h.description()).put("source", h.source()));
        return n;
    }

    private static ObjectNode probe(ProbeResult p, boolean withTranscript) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("protocol", p.endpoint().protocol().name());
        n.put("host", p.endpoint().host());
        n.put("address", p.address());
        n.put("port", p.endpoint().port());
        n.put("security", p.endpoint().security().name());
        n.put("outcome", p.outcome().name());
        n.put("detail", p.detail());
        n.put("banner", p.banner());
        strings(n, "capabilitiesBeforeTls", p.capabilitiesBeforeTls());
        strings(n, "capabilitiesAfterTls", p.capabilitiesAfterTls());
        n.put("starttlsReply", p.starttlsReply());
        strings(n, "authMechanisms", p.authMechanisms());
        if (p.tls() == null) {
            n.putNull("tls");
        } else {
            ObjectNode tls = n.putObject("tls");
            tls.put("protocol", p.tls().protocol());
            tls.put("cipherSuite", p.tls().cipherSuite());
            tls.set("certificate", certificate(p.tls().certificate()));
        }
        if (p.legacyTlsVersion() != null) {
            n.put("legacyTlsOnly", p.legacyTlsVersion());
        }
        n.set("login", login(p.login()));
        n.put("credentialsSent", p.credentialsSent());
        n.set("timings", timings(p.timings()));
        strings(n, "warnings", p.warnings());
        if (withTranscript) {
            strings(n, "transcript", p.transcript());
        }
        if (p.testMessage() != null) {
            ObjectNode t = n.putObject("testMessage");
            t.put("to", p.testMessage().to());
            t.put("accepted", p.testMessage().accepted());
            t.put("reply", p.testMessage().reply());
        }
        return n;
    }

    static ObjectNode certificate(CertificateReport c) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("subject", c.subject());
        n.put("issuer", c.issuer());
        n.put("notBefore", c.notBefore().toString());
        n.put("notAfter", c.notAfter().toString());
        n.put("daysLeft", c.daysLeft());
        n.put("sha256", c.sha256());
        strings(n, "subjectAltNames", c.subjectAltNames());
        n.put("trusted", c.trusted());
        n.put("hostnameMatches", c.hostnameMatches());
        n.put("expired", c.expired());
        n.put("pinned", c.pinned());
        n.put("selfSigned", c.selfSigned());
        n.put("trustProblem", c.trustProblem().isEmpty() ? null : c.trustProblem());
        return n;
    }

    private static ObjectNode login(LoginReport l) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("attempted", l.attempted());
        n.put("mechanism", l.mechanism());
        n.put("result", l.result().name());
        n.put("method", l.methodId());
        n.put("reply", l.reply());
        n.put("detail", l.detail());
        if (l.refusal() != null) {
            n.put("diagnosis", l.refusal().diagnosis().name());
            n.put("advice", l.refusal().advice());
            n.put("helpUrl", l.refusal().helpUrl());
        }
        return n;
    }

    private static ObjectNode timings(Timings t) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("resolveMs", t.resolveMs());
        n.put("connectMs", t.connectMs());
        n.put("greetingMs", t.greetingMs());
        n.put("tlsMs", t.tlsMs());
        n.put("ehloMs", t.ehloMs());
        n.put("loginMs", t.loginMs());
        n.put("totalMs", t.totalMs());
        return n;
    }

    private static ObjectNode recommendation(Recommendation r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("protocol", r.protocol().name());
        n.put("host", r.host());
        n.put("port", r.port());
        n.put("security", r.security().name());
        n.put("username", r.username());
        n.put("authMethod", r.authMethod().id());
        n.put("authMechanism", r.authMechanism());
        n.put("outcome", r.outcome().name());
        n.put("why", r.why());
        return n;
    }

    private static void strings(ObjectNode n, String field, List<String> values) {
        if (values == null) {
            n.putNull(field);
            return;
        }
        ArrayNode a = n.putArray(field);
        values.forEach(a::add);
    }
}
