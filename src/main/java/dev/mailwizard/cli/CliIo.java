package dev.mailwizard.cli;

import dev.mailwizard.probe.TrustMaterial;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The streams a command uses, and the base trust store (null: the system's). Tests pass their
 * own; the real program uses the process's.
 */
public record CliIo(InputStream in, PrintStream out, PrintStream err, TrustMaterial baseTrust) {
    public static CliIo system() {
        return new CliIo(System.in, System.out, System.err, null);
    }
}
