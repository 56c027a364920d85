package dev.mailwizard.ui;

import dev.mailwizard.model.AppLanguage;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.HostNames;
import dev.mailwizard.model.Words;
import dev.mailwizard.probe.CertificateReport;
import dev.mailwizard.model.Outcome;
import dev.mailwizard.probe.Phase;
import dev.mailwizard.probe.ProbeResult;
import dev.mailwizard.probe.RefusalDiagnosis;

import java.util.Locale;

/** Plain-language texts for phases and outcomes, as the wizard shows them. */
public final class OutcomeTexts {
    private OutcomeTexts() {
    }

    public static String phase(Phase phase) {
        return Messages.get("phase." + phase.name().toLowerCase(Locale.ROOT));
    }

    /** One sentence a user understands, with the fix: "Port 587 is blocked by your network ...". */
    public static String explain(ProbeResult r) {
        if (r.login() != null && r.login().refusal() != null) {
            return refusal(r);
        }
        int port = r.endpoint().port();
        String host = HostNames.toUnicode(r.endpoint().host());
        CertificateReport cert = r.tls() == null ? null : r.tls().certificate();
        String variant = r.adviceVariant();
        String key = r.outcome().key() + (variant == null ? "" : "." + variant) + ".explain";
        String names = cert == null ? "" : cert.subjectAltNames().isEmpty() ? cert.subject() : String.join(", ", cert.subjectAltNames());
        String days = cert == null ? "" : Long.toString(Math.abs(cert.daysLeft()));
        // The same variants as ProbeResult.advice(): a port that accepted the connection is never "closed".
        return Words.get(key, Integer.toString(port), host, names, days, r.detail(), r.legacyTlsVersion() == null ? "" : r.legacyTlsWords());
    }

    /** A refused login: what the reply means and the fix first, the help page, the server's raw reply last. */
    private static String refusal(ProbeResult r) {
        RefusalDiagnosis d = r.login().refusal();
        String meaning = d.diagnosis().meaning(AppLanguage.current());
        String text = Messages.get("result.refusal.explain", meaning.substring(0, 1).toUpperCase(Locale.ROOT) + meaning.substring(1), d.advice(AppLanguage.current()));
        if (d.helpUrl() != null) {
            text += "\n" + Messages.get("result.refusal.help", d.helpUrl());
        }
        return text + "\n" + Messages.get("result.refusal.reply", String.valueOf(r.login().reply()));
    }

    /** "smtp.example.com, port 465, SSL/TLS" */
    public static String endpoint(ProbeResult r) {
        return endpoint(r.endpoint());
    }

    /** "smtp.example.com, port 465, SSL/TLS" */
    public static String endpoint(Endpoint e) {
        return Messages.get("endpoint.short", HostNames.toUnicode(e.host()), Integer.toString(e.port()), e.security().label());
    }
}
