package dev.mailwizard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailwizard.probe.ProbeReport;
import dev.mailwizard.probe.Recommendation;
import dev.mailwizard.probe.RunVerdict;
import dev.mailwizard.report.JsonReport;

import java.io.PrintStream;
import java.util.List;

/**
 * Writes batch results in input order as they become ready: a finished line waits only for the
 * lines before it. One JSON object a line ({@code --json}) or one summary line each.
 */
final class BatchOutput {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A line's outcome: a report, or an error for a line that could not be tested. */
    record Result(BatchItem item, ProbeReport report, boolean timedOut) {
        static Result report(BatchItem item, ProbeReport report, boolean timedOut) {
            return new Result(item, report, timedOut);
        }

        static Result bad(BatchItem item) {
            return new Result(item, null, false);
        }

        boolean working() {
            return report != null && report.verdict() == RunVerdict.WORKING;
        }
    }

    private final Result[] results;
    private final boolean json;
    private final boolean transcript;
    private final PrintStream out;
    private int next;
    private boolean allWorking = true;

    BatchOutput(List<BatchItem> items, boolean json, boolean transcript, PrintStream out) {
        this.results = new Result[items.size()];
        this.json = json;
        this.transcript = transcript;
        this.out = out;
    }

    synchronized void complete(int index, Result result) {
        results[index] = result;
        allWorking &= result.working();
        while (next < results.length && results[next] != null) {
            write(results[next]);
            results[next] = null;
            next++;
        }
        out.flush();
    }

    /** After Ctrl-C: what finished behind a line that never started is written too, still in order. */
    synchronized void flushFinished() {
        for (int i = next; i < results.length; i++) {
            if (results[i] != null) {
                write(results[i]);
                results[i] = null;
            }
        }
        out.flush();
    }

    synchronized boolean allWorking() {
        return allWorking;
    }

    private void write(Result r) {
        out.println(json ? jsonLine(r) : textLine(r));
    }

    private String jsonLine(Result r) {
        ObjectNode n;
        if (r.report() == null) {
            n = JSON.createObjectNode();
            n.put("schemaVersion", ProbeReport.SCHEMA_VERSION);
        } else {
            n = JsonReport.toTree(r.report(), transcript);
        }
        n.put("input", r.item().text());
        n.put("line", r.item().line());
        if (r.report() == null) {
            n.put("error", r.item().error());
        } else {
            n.put("verdict", r.report().verdict().name());
            if (r.timedOut()) {
                n.put("error", "line " + r.item().line() + ": not finished within --item-timeout; the report holds what finished");
            }
        }
        return n.toString();
    }

    private static String textLine(Result r) {
        String input = r.item().text();
        if (r.report() == null) {
            return input + "\tERROR\t" + r.item().error();
        }
        Recommendation rec = r.report().primaryRecommendation();
        String verdict = r.timedOut() ? "TIMEOUT" : r.report().verdict().name();
        return input + "\t" + verdict + "\t" + (rec == null ? "no secure setting"
                : (rec.protocol() == dev.mailwizard.model.Protocol.SMTP ? "" : rec.protocol() + " ") + rec.host() + ":" + rec.port()
                + " " + rec.security().label());
    }
}
