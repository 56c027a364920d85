package dev.mailwizard.cli;

import dev.mailwizard.probe.ProbeJob;
import dev.mailwizard.probe.ProbeReport;
import dev.mailwizard.report.JsonReport;
import dev.mailwizard.report.TextReport;

import java.io.PrintStream;

/** Runs a probe job for the command line: Ctrl-C cancels, the report goes to stdout, the verdict becomes the exit code. */
final class JobRunner {
    private JobRunner() {
    }

    static int run(ProbeJob job, boolean json, boolean transcript, PrintStream out) {
        Interrupts.onInterrupt(job::cancel);
        ProbeReport report = job.run();
        if (json) {
            out.println(JsonReport.write(report, transcript));
        } else {
            out.print(new TextReport(Terminal.colour()).render(report, transcript));
        }
        out.flush();
        return ExitCodes.of(report.verdict());
    }
}
