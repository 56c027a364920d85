package dev.mailwizard.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The help-desk report of a refused login: why and the fix before the server's raw reply. */
class RefusedLoginReportTest {
    @Test
    void aRefusedLoginSaysWhyAndTheFixBeforeTheReply() throws Exception {
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(Files.readString(Path.of("src/test/resources/export/report-input.json")));
        ObjectNode login = (ObjectNode) json.get("probes").get(0).get("login");
        login.put("attempted", true).put("result", "REJECTED").put("mechanism", "PLAIN").put("method", "password")
                .put("reply", "535 5.7.3 Authentication unsuccessful [SG2PR06CA0186.apcprd06.prod.outlook.com]")
                .put("diagnosis", "CREDENTIALS_WRONG").put("advice", "Check the password.").putNull("helpUrl");
        String md = MarkdownRenderer.render(ReportDocument.from(json));
        assertThat(md).contains("the server refused the login name or password (CREDENTIALS_WRONG, PLAIN)", "Check the password.");
        assertThat(md.indexOf("Check the password.")).isLessThan(md.indexOf("535 5.7.3 Authentication unsuccessful"));
        assertThat(md).doesNotContain("Help");
    }
}
