package dev.mailwizard.ui;

import dev.mailwizard.model.HostNames;
import dev.mailwizard.probe.CertificateReport;
import dev.mailwizard.probe.Outcome;
import dev.mailwizard.probe.Phase;
import dev.mailwizard.probe.ProbeResult;

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
        int port = r.endpoint().port();
        String host = HostNames.toUnicode(r.endpoint().host());
        CertificateReport cert = r.tls() == null ? null : r.tls().certificate();
        String key = "outcome." + r.outcome().name().toLowerCase(Locale.ROOT) + variant(r);
        String names = cert == null ? "" : cert.subjectAltNames().isEmpty() ? cert.subject() : String.join(", ", cert.subjectAltNames());
        String days = cert == null ? "" : Long.toString(Math.abs(cert.daysLeft()));
        return Messages.get(key, Integer.toString(port), host, names, days, r.detail(), r.legacyTlsVersion() == null ? "" : r.legacyTlsWords());
    }

    /** The same cases as {@link ProbeResult#advice()}: a port that accepted the connection is never "closed". */
    private static String variant(ProbeResult r) {
        if (r.outcome() == Outcome.REFUSED && r.connected()) {
            return ".connected";
        }
        return r.outcome() == Outcome.TLS_HANDSHAKE_FAILED && r.legacyTlsVersion() != null ? ".legacy" : "";
    }

    /** "smtp.example.com, port 465, SSL/TLS" */
    public static String endpoint(ProbeResult r) {
        return Messages.get("endpoint.short", HostNames.toUnicode(r.endpoint().host()), Integer.toString(r.endpoint().port()),
                r.endpoint().security().label());
    }
}
