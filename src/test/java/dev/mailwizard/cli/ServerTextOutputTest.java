package dev.mailwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailwizard.demo.DemoPki;
import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.demo.ServerBehaviour;
import dev.mailwizard.model.UnsafeText;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: a server's text can neither drive the reader's terminal nor reorder what the reader
 * sees, in any output of the command line: JSON, the text report, the help-desk report.
 */
class ServerTextOutputTest {
    private static final String HOST = "smtp.text.test";
    private static final TestCa CA = TestCa.named("Text Test CA");
    private static final DemoPki PKI = CA.pki();
    /** Clears the screen, retitles the terminal, and shows "exe.png" backwards. */
    private static final String HOSTILE_GREETING = "220 mail.example.test \u001b[2J \u001b]0;owned\u0007 \u202egnp.exe";
    private static final String SHOWN = "220 mail.example.test \\x1b[2J \\x1b]0;owned\\x07 \\u202egnp.exe";
    @TempDir
    static Path dir;


    private static ScriptedSmtpServer greetingWith(String greeting) {
        return ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(PKI.issue(HOST).serverContext()).greeting(greeting).build());
    }

    private static CliHarness.Result probe(ScriptedSmtpServer server, String... extra) {
        List<String> args = new ArrayList<>(List.of("probe", "dave@text.test", "--host", HOST, "--resolve", HOST + ":127.0.0.1",
                "--port", Integer.toString(server.port()), "--security", "tls", "--trust-ca", CA.file(), "--timeout", "5"));
        args.addAll(List.of(extra));
        return CliHarness.run("", args.toArray(String[]::new));
    }

    @Test
    void theJsonReportShowsControlAndBidiCharactersAsVisibleEscapes() throws Exception {
        try (var server = greetingWith(HOSTILE_GREETING)) {
            CliHarness.Result r = probe(server, "--json", "--transcript");
            assertThat(r.exitCode()).as(r.err()).isZero();
            JsonNode probe = new ObjectMapper().readTree(r.out()).get("probes").get(0);
            assertThat(probe.get("banner").asText()).isEqualTo(SHOWN);
            assertThat(stringValues(probe.get("transcript"))).contains("S: " + SHOWN);
            assertThat(stringValues(new ObjectMapper().readTree(r.out()))).allSatisfy(v -> assertThat(UnsafeText.inValue(v)).as(v).isEmpty());
            assertThat(UnsafeText.inDocument(r.out())).isEmpty();
        }
    }

    @Test
    void theTextReportShowsUtf8AsWrittenAndNoRawControlCharacters() {
        try (var server = greetingWith("220 mail.example.test ESMTP café 日本 \u001b[2J \u001b]0;owned\u0007 \u202egnp.exe")) {
            CliHarness.Result r = probe(server, "--transcript");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).contains("S: 220 mail.example.test ESMTP café 日本 \\x1b[2J \\x1b]0;owned\\x07 \\u202egnp.exe");
            assertThat(UnsafeText.inDocument(r.out())).isEmpty();
        }
    }

    @Test
    void anOverlongGreetingIsCutInTheReportWhichSaysHowLongItWas() throws Exception {
        String greeting = "220 " + "x".repeat(3000);
        try (var server = greetingWith(greeting)) {
            CliHarness.Result r = probe(server, "--json", "--transcript");
            assertThat(r.exitCode()).as(r.err()).isZero();
            JsonNode probe = new ObjectMapper().readTree(r.out()).get("probes").get(0);
            String banner = probe.get("banner").asText();
            assertThat(banner).startsWith("220 xxxx").endsWith("(3004 characters)");
            assertThat(banner.length()).isLessThan(600);
            String greetingLine = stringValues(probe.get("transcript")).stream().filter(l -> l.startsWith("S: 220")).findFirst().orElseThrow();
            assertThat(greetingLine).endsWith("(3004 characters)").hasSizeLessThan(600);
        }
    }

    @Test
    void theHelpDeskReportOfAHostileServerShowsTheEscapes() throws Exception {
        try (var server = greetingWith(HOSTILE_GREETING)) {
            CliHarness.Result run = probe(server, "--json", "--transcript");
            Path json = dir.resolve("hostile.json");
            Files.writeString(json, run.out());
            Path out = dir.resolve("hostile-report");
            CliHarness.Result export = CliHarness.run("", "export", "--from", json.toString(), "--format", "report", "--out", out.toString());
            assertThat(export.exitCode()).as(export.err()).isZero();
            String html = Files.readString(out.resolve("report.html"));
            String md = Files.readString(out.resolve("report.md"));
            assertThat(html).contains(SHOWN);
            assertThat(md).contains("S: " + SHOWN); // in the transcript's code block, where Markdown escapes nothing
            assertThat(UnsafeText.inDocument(html)).isEmpty();
            assertThat(UnsafeText.inDocument(md)).isEmpty();
        }
    }

    private static List<String> stringValues(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(child -> out.addAll(stringValues(child)));
        return out;
    }
}
