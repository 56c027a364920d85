package dev.mailwizard.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;
import dev.mailwizard.model.UnsafeText;
import dev.mailwizard.model.AuthMethod;
import dev.mailwizard.model.Outcome;
import dev.mailwizard.probe.ProbeReport;
import dev.mailwizard.probe.Recommendation;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON writer escapes control and bidi characters in every string, also in fields nobody cleaned before it. */
class JsonReportEscapesTest {
    @Test
    void aControlOrBidiCharacterInAnyStringIsWrittenAsAVisibleEscape() throws Exception {
        Recommendation r = new Recommendation(Protocol.SMTP, "mail.example.test", 465, Security.TLS, "alice@example.test", AuthMethod.PASSWORD, "PLAIN", Outcome.OK,
                "works \u202egnp.exe\u001b[2J");
        ProbeReport report = new ProbeReport("mailwizard test", "alice@example.test", Instant.parse("2026-11-29T10:00:00Z"), 1,
                List.of(), List.of(), List.of(), r, List.of(), null, List.of(), false, false, List.of(Protocol.SMTP), List.of(), List.of());

        String json = JsonReport.write(report, true);

        assertThat(new ObjectMapper().readTree(json).get("recommended").get("why").asText()).isEqualTo("works \\u202egnp.exe\\x1b[2J");
        assertThat(UnsafeText.inDocument(json)).isEmpty();
        assertThat(UnsafeText.inDocument(JsonReport.writeLine(report, true))).isEmpty();
    }
}
