package dev.mailwizard.export;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** The help-desk report ({@code report.html} and {@code report.md}) from a probe run's JSON report. */
public final class HelpDeskReportWriter extends FormatWriter {
    public HelpDeskReportWriter() {
        super("report", "Help-desk report: every test, certificate, timings and advice (HTML and Markdown)", false);
    }

    @Override
    public ExportResult write(ExportInput input) {
        if (input.report().isEmpty()) {
            return new ExportResult.Refused("a report needs a probe run: export with --from REPORT.json (made by mailwizard probe --json --transcript)");
        }
        return new ExportResult.Written(files(input.report().get()), List.of());
    }

    /** {@code report.html} and {@code report.md} for a contract JSON report. */
    public static List<ExportFile> files(JsonNode report) {
        ReportDocument doc = ReportDocument.from(report);
        return List.of(ExportFile.text("report.html", HtmlRenderer.render(doc)), ExportFile.text("report.md", MarkdownRenderer.render(doc)));
    }
}
