package dev.mailwizard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Prints a benchmark result and appends it to target/bench-results.md, the table docs/performance.md copies. */
public final class BenchResults {
    private static final Path FILE = Path.of("target", "bench-results.md");

    private BenchResults() {
    }

    /** {@code what | measured | ratio | target}, one table row. */
    public static synchronized void line(String row) {
        System.out.println("BENCH " + row);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, "| " + row + " |\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
