package dev.mailwizard.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailwizard.model.UnsafeText;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The help-desk report reads JSON that may come from anywhere (an older MailWizard, a hand-edited
 * file): control and bidi characters in it are shown as escapes in HTML and Markdown alike.
 */
class ReportServerTextTest {
    private static final String RAW = "220 mail.example.test \u001b[2J \u001b]0;owned\u0007 \u202egnp.exe";
    private static final String SHOWN = "220 mail.example.test \\x1b[2J \\x1b]0;owned\\x07 \\u202egnp.exe";

    @Test
    void rawControlAndBidiCharactersInAReportFileAreShownAsEscapes() {
        ObjectNode report = (ObjectNode) ExportFixtures.report(ExportFixtures.Mode.TLS);
        ObjectNode probe = (ObjectNode) report.get("probes").get(0);
        probe.put("banner", RAW);
        ((ArrayNode) probe.get("transcript")).insert(0, "S: " + RAW);
        ((ObjectNode) probe.get("tls").get("certificate")).put("subject", "CN=mail.example.test \u202egnp.exe");

        List<ExportFile> files = HelpDeskReportWriter.files(report);
        String html = files.get(0).text();
        String md = files.get(1).text();

        assertThat(html).contains("<dd>" + SHOWN + "</dd>").contains("S: " + SHOWN).contains("CN=mail.example.test \\u202egnp.exe");
        assertThat(md).contains("S: " + SHOWN).contains("\\\\u202egnp.exe");
        assertThat(UnsafeText.inDocument(html)).isEmpty();
        assertThat(UnsafeText.inDocument(md)).isEmpty();
    }
}
