package dev.mailwizard.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.AuthMethod;
import dev.mailwizard.model.Outcome;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;
import dev.mailwizard.model.ServerCandidate;
import dev.mailwizard.probe.CertificateReport;
import dev.mailwizard.probe.Hint;
import dev.mailwizard.probe.HintKind;
import dev.mailwizard.probe.LoginReport;
import dev.mailwizard.probe.LoginStatus;
import dev.mailwizard.probe.ProbeReport;
import dev.mailwizard.probe.ProbeResult;
import dev.mailwizard.probe.Recommendation;
import dev.mailwizard.probe.Timings;
import dev.mailwizard.probe.TlsDetails;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The terminal report a help desk reads, byte for byte: one verified port with the login, one that
 * refused, one that accepted and cut, and a conclusion. Update with -Dgolden.update=true and review.
 */
class TextReportGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/report/text-report.txt");
    private static final String HOST = "mail.example.test";

    private static ProbeResult probe(int port, Security security, Outcome outcome, String detail, TlsDetails tls, LoginReport login,
                                     Long connectMs, List<String> warnings) {
        return new ProbeResult(Endpoint.smtp(HOST, port, security), "192.0.2.10", outcome, detail, tls == null ? null : "220 " + HOST + " ESMTP",
                null, tls == null ? null : List.of("AUTH PLAIN LOGIN"), null, tls == null ? List.of() : List.of("PLAIN", "LOGIN"), tls, login,
                login.result() == LoginStatus.OK, new Timings(1L, connectMs, 3L, 9L, 2L, 4L, 40 + port % 7), warnings, List.of(), null, null);
    }

    static ProbeReport report() {
        CertificateReport cert = new CertificateReport("CN=" + HOST, "CN=Example CA", Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2027-02-01T00:00:00Z"), "AB:CD:EF:01", List.of(HOST), true, true, false, false, 62, "");
        TlsDetails tls = new TlsDetails("TLSv1.3", "TLS_AES_256_GCM_SHA384", cert);
        ProbeResult ok = probe(465, Security.TLS, Outcome.OK, "encrypted and verified; login accepted", tls,
                new LoginReport(true, "PLAIN", LoginStatus.OK, "235 2.7.0 Authentication successful", "the server accepted the login"), 2L,
                List.of());
        ProbeResult refused = probe(2525, Security.STARTTLS, Outcome.REFUSED,
                "the connection to port 2525 was refused (nothing listens there, or a firewall rejects it)", null,
                LoginReport.notAttempted("not tried"), null, List.of());
        ProbeResult cut = probe(587, Security.STARTTLS, Outcome.REFUSED, "the server reset the connection during the greeting", null,
                LoginReport.notAttempted("not tried"), 2L, List.of("the server closed the connection at once"));
        Hint hint = new Hint(HintKind.SERVICE_NOT_OFFERED, "The DNS of example.test says it does not offer sending mail with STARTTLS:"
                + " _submission._tcp.example.test points to \".\" (no server), so MailWizard did not guess one for it.", List.of());
        Recommendation rec = new Recommendation(Protocol.SMTP, HOST, 465, Security.TLS, "alice@example.test", AuthMethod.PASSWORD, "PLAIN", Outcome.OK,
                HOST + " port 465 with SSL/TLS works, encrypted with a certificate that is valid for " + HOST
                        + ", and the login succeeded. RFC 8314 prefers implicit TLS on port 465 for sending mail.");
        return new ProbeReport("mailwizard test", "alice@example.test", Instant.parse("2026-12-01T10:00:00Z"), 1234,
                List.of(new ServerCandidate(Protocol.SMTP, HOST, null, null, CandidateSource.USER, true, "typed by you")),
                List.of("srv: not found: no SRV records for example.test"), List.of(ok, cut, refused), rec, List.of(), null, List.of(),
                true, false, List.of(Protocol.SMTP), List.of(), List.of(hint));
    }

    @Test
    void theTextReportReadsAsItDid() throws Exception {
        String text = new TextReport(false).render(report(), false);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, text, StandardCharsets.UTF_8);
        }
        assertThat(text).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void theProviderLineSaysWhatToUseInsteadOfThePasswordWithItsHelpPage() {
        ProbeReport r = report();
        dev.mailwizard.model.Provider gmail = dev.mailwizard.model.KnownProviders.bundled().byId("googlemail.com").orElseThrow().toProvider(false);
        ProbeReport withProvider = new ProbeReport(r.tool(), r.address(), r.startedAt(), r.elapsedMs(), r.discovery(), r.discoveryNotes(),
                r.probes(), r.recommended(), r.alternatives(), r.recommendedIncoming(), r.alternativesIncoming(), r.passwordGiven(),
                r.cancelled(), r.asked(), r.declined(), r.hints(), gmail);
        String text = new TextReport(false).render(withProvider, false);
        assertThat(text).contains("\nProvider: Gmail. It does not accept your normal password here: create an app password or sign in with"
                + "\n          Google. Help: https://support.google.com/accounts/answer/185833\n\n");
        // Before the conclusions: it is what to know before anything else.
        assertThat(text.indexOf("Provider: Gmail")).isLessThan(text.indexOf("Conclusion:"));
        assertThat(new TextReport(false).render(r, false)).doesNotContain("Provider:");
    }

    @Test
    void colourIsOnlyAddedWhenAskedAndColoursBySeverity() {
        String plain = new TextReport(false).render(report(), false);
        String coloured = new TextReport(true).render(report(), false);
        assertThat(plain).doesNotContain("\u001b[");
        assertThat(coloured).contains("\u001b[32mOK").contains("\u001b[31mREFUSED");
    }
}
