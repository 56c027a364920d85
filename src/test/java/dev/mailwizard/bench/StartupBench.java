package dev.mailwizard.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 5. Start-up, process start to result, against baselines started the same way in the same run:
 * {@code mailwizard --version} against a bare JVM printing a line, and the wizard's first frame
 * against a bare JavaFX window's (under xvfb-run; skipped with a note where there is none).
 */
@Tag("bench")
class StartupBench {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String CP = System.getProperty("java.class.path");

    @Test
    void startup() throws Exception {
        List<String> version = List.of(JAVA, "-cp", CP, "dev.mailwizard.Launcher", "--version");
        List<String> bare = List.of(JAVA, "-cp", CP, "dev.mailwizard.bench.BareJvm");
        timeToExit(version);
        timeToExit(bare);
        double cli = EngineBench.median(() -> timeToExit(version), 5);
        double jvm = EngineBench.median(() -> timeToExit(bare), 5);
        BenchResults.line(String.format(Locale.ROOT, "5a. start-up: mailwizard --version | %.0f ms vs %.0f ms bare JVM | %.2f x | (report)", cli, jvm, cli / jvm));

        if (!Files.isExecutable(Path.of("/usr/bin/xvfb-run"))) {
            BenchResults.line("5b. start-up: wizard first frame | skipped: no xvfb-run (apt-get install xvfb) | - | (report)");
            return;
        }
        List<String> wizard = List.of("xvfb-run", "-a", "-s", "-screen 0 1280x800x24", JAVA, "-Dmailwizard.timing=true", "-cp", CP,
                "dev.mailwizard.Launcher");
        List<String> fx = List.of("xvfb-run", "-a", "-s", "-screen 0 1280x800x24", JAVA, "-cp", CP, "dev.mailwizard.bench.BareFxWindow$Main");
        timeToLine(fx);
        double w = EngineBench.median(() -> timeToLine(wizard), 3);
        double f = EngineBench.median(() -> timeToLine(fx), 3);
        BenchResults.line(String.format(Locale.ROOT,
                "5b. start-up: wizard first frame (Xvfb, incl. xvfb-run) | %.0f ms vs %.0f ms bare JavaFX window | %.2f x | (report)", w, f, w / f));
    }

    private static long timeToExit(List<String> cmd) {
        try {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(cmd + " failed");
            }
            return (System.nanoTime() - t0) / 1_000_000L;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Process start to the "first frame" line on stderr (the wizard logs it, so it may follow a level); then the window is closed. */
    private static long timeToLine(List<String> cmd) {
        Process p = null;
        try {
            long t0 = System.nanoTime();
            p = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true).start();
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.contains("first frame")) {
                    return (System.nanoTime() - t0) / 1_000_000L;
                }
            }
            throw new IllegalStateException(cmd + " ended without a first frame");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            if (p != null) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }
}
