package dev.mailwizard.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The help-desk report names the provider, what it takes instead of the password, and its own help pages. */
class ProviderReportTest {
    private static ObjectNode report() throws Exception {
        return (ObjectNode) new ObjectMapper().readTree(Files.readString(Path.of("src/test/resources/export/report-input.json")));
    }

    @Test
    void theProviderAndItsHttpsHelpLinksComeFirst() throws Exception {
        ObjectNode json = report();
        ObjectNode p = json.putObject("provider");
        p.put("id", "googlemail.com").put("displayName", "Gmail").put("needs", "APP_PASSWORD");
        p.putObject("oauth2").put("issuer", "accounts.google.com").put("authorizationEndpoint", "https://accounts.google.com/o/oauth2/auth")
                .put("tokenEndpoint", "https://www.googleapis.com/oauth2/v3/token").putArray("scopes").add("https://mail.google.com/");
        p.putArray("help")
                .add(new ObjectMapper().createObjectNode().put("url", "https://support.google.com/accounts/answer/185833")
                        .put("description", "Create and use an app password").put("source", "providers"))
                .add(new ObjectMapper().createObjectNode().put("url", "http://mail.google.com/support/bin/answer.py?answer=13273")
                        .put("description", "How to enable IMAP/POP3 in GMail").put("source", "ispdb"));
        String md = MarkdownRenderer.render(ReportDocument.from(json));
        assertThat(md).contains("## Provider", "Gmail (googlemail.com)", "an app password, not the normal password", "accounts.google.com",
                "Gmail does not accept your normal password here: create an app password or sign in with Google.",
                "https://support.google.com/accounts/answer/185833", "Create and use an app password");
        // A report file may come from anyone: a plain-HTTP link is not shown.
        assertThat(md).doesNotContain("http://mail.google.com");
        assertThat(md.indexOf("## Provider")).isLessThan(md.indexOf("## Recommendation"));
        String html = HtmlRenderer.render(ReportDocument.from(json));
        assertThat(html).contains("https://support.google.com/accounts/answer/185833");
    }

    @Test
    void aReportWithoutAProviderHasNoProviderSection() throws Exception {
        ObjectNode json = report();
        assertThat(MarkdownRenderer.render(ReportDocument.from(json))).doesNotContain("## Provider");
        json.putNull("provider");
        assertThat(MarkdownRenderer.render(ReportDocument.from(json))).doesNotContain("## Provider");
    }
}
