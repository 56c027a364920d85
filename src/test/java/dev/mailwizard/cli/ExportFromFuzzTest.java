package dev.mailwizard.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mailwizard export --from REPORT.json --format all}, in-process, with fuzzed report text.
 * Whatever the file holds: exit 0 (written), 1 (a format refused) or 2 (bad input, one line
 * naming the problem in words, with no control character from the file); never an internal
 * error, a Java name or a stack trace, and the HTML report never carries a script from the file.
 * Inputs: src/test/resources/dev/mailwizard/cli/ExportFromFuzzTestInputs/exportFrom/.
 */
class ExportFromFuzzTest {
    private static final String PREFIX = "mailwizard export: ";

    @TempDir
    static Path dir;

    @FuzzTest(maxDuration = "10s")
    void exportFrom(byte[] data) throws IOException {
        Path report = dir.resolve("report.json");
        Files.write(report, data);
        Path out = dir.resolve("out");
        clear(out);

        CliHarness.Result r = CliHarness.run("", "export", "--from", report.toString(), "--format", "all", "--out", out.toString());

        String what = "exit " + r.exitCode() + ", stderr: " + r.err();
        assertThat(r.exitCode()).as(what).isIn(ExitCodes.WORKING, ExitCodes.NOTHING_SECURE, ExitCodes.USAGE);
        List<String> errLines = r.err().lines().toList();
        assertThat(errLines).as(what).allMatch(l -> l.startsWith(PREFIX));
        // Quoted values come from the file and may say anything, quotes included (so from the first
        // quote to the last is theirs); the words around them must be ours.
        assertThat(errLines.stream().map(l -> l.replaceAll("'.*'", "''"))).as(what)
                .noneMatch(l -> l.contains("internal error") || l.contains("Exception") || l.contains("\tat ")
                        || l.contains("dev.mailwizard.") || l.contains("java."));
        assertThat(r.err().chars().filter(c -> c != '\n' && (c < 0x20 || c >= 0x7f && c < 0xa0)))
                .as("control characters from the file reach the terminal: " + what).isEmpty();
        if (r.exitCode() == ExitCodes.USAGE) {
            assertThat(errLines).as(what).hasSize(1);
            assertThat(errLines.get(0).substring(PREFIX.length())).as(what).isNotBlank();
        } else {
            assertThat(r.out()).as(what).contains("written");
        }
        Path html = out.resolve("report.html");
        if (Files.exists(html)) {
            assertThat(Files.readString(html).toLowerCase(Locale.ROOT)).as("report.html").doesNotContain("<script");
        }
    }

    private static void clear(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return;
        }
        try (Stream<Path> files = Files.list(out)) {
            files.forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
