package dev.mailwizard.export;

import java.util.Map;

/** The report as Markdown (CommonMark with GFM tables), for tickets and chat. */
final class MarkdownRenderer {
    private MarkdownRenderer() {
    }

    static String render(ReportDocument doc) {
        StringBuilder m = new StringBuilder();
        m.append("# ").append(inline(doc.title())).append("\n\n");
        blocks(m, doc.blocks());
        return m.toString();
    }

    private static void blocks(StringBuilder m, java.util.List<ReportDocument.Block> blocks) {
        for (ReportDocument.Block block : blocks) {
            if (block instanceof ReportDocument.Folded x) {
                // GitHub, GitLab and most ticket systems fold <details> in Markdown too.
                m.append("<details><summary>").append(HtmlRenderer.esc(x.summary())).append("</summary>\n\n");
                blocks(m, x.blocks());
                m.append("</details>\n\n");
            } else if (block instanceof ReportDocument.Heading x) {
                m.append("#".repeat(x.level())).append(' ').append(inline(x.text())).append("\n\n");
            } else if (block instanceof ReportDocument.Paragraph x) {
                String strong = x.status() == ReportDocument.Status.NONE ? "" : "**";
                m.append(strong).append(inline(x.text())).append(strong).append("\n\n");
            } else if (block instanceof ReportDocument.Facts x) {
                for (Map.Entry<String, String> e : x.entries()) {
                    m.append("- **").append(inline(e.getKey())).append(":** ").append(inline(e.getValue())).append('\n');
                }
                m.append('\n');
            } else if (block instanceof ReportDocument.Table x) {
                table(m, x);
            } else if (block instanceof ReportDocument.Code x) {
                code(m, x);
            }
        }
    }

    private static void table(StringBuilder m, ReportDocument.Table x) {
        m.append('|');
        x.headers().forEach(c -> m.append(' ').append(inline(c)).append(" |"));
        m.append("\n|");
        x.headers().forEach(c -> m.append(" --- |"));
        m.append('\n');
        for (var row : x.rows()) {
            m.append('|');
            row.forEach(c -> m.append(' ').append(inline(c)).append(" |"));
            m.append('\n');
        }
        m.append('\n');
    }

    /** A fence longer than any run of backticks in the text, so server text cannot close it early. */
    private static void code(StringBuilder m, ReportDocument.Code x) {
        String body = String.join("\n", x.lines());
        int longest = 0;
        for (int i = 0, run = 0; i < body.length(); i++) {
            run = body.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        m.append(fence).append("text\n").append(body).append('\n').append(fence).append("\n\n");
    }

    /** Escapes Markdown syntax and HTML in running text (server text must not become links, tags or tables). */
    static String inline(String s) {
        String t = Text.line(s);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean intraword = c == '_' && i > 0 && i + 1 < t.length()
                    && Character.isLetterOrDigit(t.charAt(i - 1)) && Character.isLetterOrDigit(t.charAt(i + 1));
            if (("\\`*_[]<>|&~".indexOf(c) >= 0 && !intraword) || (i == 0 && "#+-=!".indexOf(c) >= 0)) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
