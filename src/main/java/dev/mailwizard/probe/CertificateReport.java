package dev.mailwizard.probe;

import dev.mailwizard.model.DisplayText;

import java.time.Instant;
import java.util.List;

/**
 * What we found out about a server's leaf certificate. {@code trusted} means the chain leads to a
 * trusted root (ignoring the dates, which {@code expired} reports); {@code pinned} means the user
 * accepted exactly this certificate by its fingerprint, which is never the same as trusted.
 * The names come from the server's certificate, so they are kept as {@link DisplayText} shows them.
 */
public record CertificateReport(String subject, String issuer, Instant notBefore, Instant notAfter,
                                String sha256, List<String> subjectAltNames, boolean trusted,
                                boolean hostnameMatches, boolean expired, boolean pinned,
                                long daysLeft, String trustProblem) {
    public CertificateReport {
        subject = DisplayText.serverLine(subject);
        issuer = DisplayText.serverLine(issuer);
        subjectAltNames = List.copyOf(DisplayText.serverLines(subjectAltNames));
        trustProblem = trustProblem == null ? "" : DisplayText.escape(trustProblem);
    }

    /** Self-signed: issued by itself. */
    public boolean selfSigned() {
        return subject.equals(issuer);
    }
}
