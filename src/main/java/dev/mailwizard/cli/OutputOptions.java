package dev.mailwizard.cli;

import picocli.CommandLine.Option;

/** How a report is printed; shared by every command that prints one. */
final class OutputOptions {
    @Option(names = "--json", description = "write the report as JSON on standard output, nothing else")
    boolean json;

    @Option(names = "--transcript", description = "include each probe's protocol transcript (credentials redacted)")
    boolean transcript;
}
