package dev.mailwizard.export;

import java.util.Locale;
import java.util.Map;

/** The report as one self-contained HTML page: inline styles, no scripts, no external files; prints well. */
final class HtmlRenderer {
    private static final String STYLE = """
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1d2530;max-width:1000px;margin:2em auto;padding:0 1em}
            h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:1.8em;border-bottom:2px solid #d7dde5;padding-bottom:.2em}
            h3{margin-top:1.4em;font-size:1.05em}
            table{border-collapse:collapse;width:100%;margin:.6em 0}th,td{border:1px solid #d7dde5;padding:.3em .5em;text-align:left;vertical-align:top}
            th{background:#eef2f6}dl{display:grid;grid-template-columns:max-content 1fr;gap:.15em 1em;margin:.4em 0}
            dt{font-weight:600;color:#4a5563}dd{margin:0;overflow-wrap:anywhere}
            pre{background:#f5f7f9;border:1px solid #d7dde5;padding:.6em;overflow-x:auto;white-space:pre-wrap;font-size:.85em}
            .ok{color:#0f6b2f}.warn{color:#8a5a00}.bad{color:#a3121f}p.ok,p.warn,p.bad{font-weight:600}
            tr.ok td:nth-child(5){color:#0f6b2f;font-weight:600}tr.bad td:nth-child(5){color:#a3121f;font-weight:600}tr.warn td:nth-child(5){color:#8a5a00;font-weight:600}
            details{margin:.3em 0 1em}summary{cursor:pointer;color:#4a5563}
            @media print{body{margin:0;max-width:none;font-size:11pt}h2,h3{break-after:avoid}table,dl,pre{break-inside:avoid}}
            """;

    private HtmlRenderer() {
    }

    static String render(ReportDocument doc) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.append("<title>").append(esc(doc.title())).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(doc.title())).append("</h1>\n");
        blocks(h, doc.blocks());
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void blocks(StringBuilder h, java.util.List<ReportDocument.Block> blocks) {
        for (ReportDocument.Block block : blocks) {
            if (block instanceof ReportDocument.Folded x) {
                h.append("<details>\n<summary>").append(esc(x.summary())).append("</summary>\n");
                blocks(h, x.blocks());
                h.append("</details>\n");
            } else if (block instanceof ReportDocument.Heading x) {
                h.append("<h").append(x.level()).append('>').append(esc(x.text())).append("</h").append(x.level()).append(">\n");
            } else if (block instanceof ReportDocument.Paragraph x) {
                h.append("<p").append(cls(x.status())).append('>').append(esc(x.text())).append("</p>\n");
            } else if (block instanceof ReportDocument.Facts x) {
                h.append("<dl>\n");
                for (Map.Entry<String, String> e : x.entries()) {
                    h.append("<dt>").append(esc(e.getKey())).append("</dt><dd>").append(esc(e.getValue())).append("</dd>\n");
                }
                h.append("</dl>\n");
            } else if (block instanceof ReportDocument.Table x) {
                table(h, x);
            } else if (block instanceof ReportDocument.Code x) {
                h.append("<pre>").append(esc(String.join("\n", x.lines()))).append("</pre>\n");
            }
        }
    }

    private static void table(StringBuilder h, ReportDocument.Table t) {
        h.append("<table>\n<thead><tr>");
        t.headers().forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
        h.append("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < t.rows().size(); i++) {
            h.append("<tr").append(cls(t.statuses().get(i))).append('>');
            t.rows().get(i).forEach(c -> h.append("<td>").append(esc(c)).append("</td>"));
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static String cls(ReportDocument.Status s) {
        return s == ReportDocument.Status.NONE ? "" : " class=\"" + s.name().toLowerCase(Locale.ROOT) + "\"";
    }

    static String esc(String s) {
        return Text.xml(s == null ? "" : s);
    }
}
