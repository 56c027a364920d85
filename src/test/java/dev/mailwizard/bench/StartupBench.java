package dev.mailwizard.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 5. Start-up, process start to result, against baselines started the same way in the same run:
 * {@code mailwizard --version} and {@code mailwizard probe --help} against a bare JVM printing a
 * line, and the wizard's first frame against a bare JavaFX window's (under xvfb-run; skipped with
 * a note where there is none). Each is measured without and with Class Data Sharing; with CDS every
 * command, the baselines too, maps its own dynamic archive made by a training run of itself, as
 * {@code ./mailwizard} does. CDS takes jars only, so the app's and the baselines' classes are
 * jarred first; the dependencies stay the jars of the test class path.
 */
@Tag("bench")
class StartupBench {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final Path DIR = Path.of("target", "bench-startup");
    private static final List<String> SHIPPED = shipped();
    private static final List<String> XVFB = List.of("xvfb-run", "-a", "-s", "-screen 0 1280x800x24");

    @Test
    void startup() throws Exception {
        Files.createDirectories(DIR);
        String deps = String.join(File.pathSeparator, Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.endsWith(".jar")).toList());
        String fxDeps = String.join(File.pathSeparator, Arrays.stream(deps.split(File.pathSeparator)).filter(e -> e.contains("javafx")).toList());
        String app = jar("app.jar", Path.of("target", "classes")) + File.pathSeparator + deps;
        String bareJar = jar("baseline.jar", Path.of("target", "test-classes"), "dev/mailwizard/bench/BareJvm.class",
                "dev/mailwizard/bench/BareFxWindow.class", "dev/mailwizard/bench/BareFxWindow$Main.class");

        List<String> version = List.of("-cp", app, "dev.mailwizard.Launcher", "--version");
        List<String> help = List.of("-cp", app, "dev.mailwizard.Launcher", "probe", "--help");
        List<String> bare = List.of("-cp", bareJar, "dev.mailwizard.bench.BareJvm");
        for (boolean cds : new boolean[]{false, true}) {
            List<String> v = java(version, cds ? archive("version", version) : null);
            List<String> h = java(help, cds ? archive("probe-help", help) : null);
            List<String> b = java(bare, cds ? archive("bare", bare) : null);
            timeToExit(v);
            timeToExit(h);
            timeToExit(b);
            double cli = EngineBench.median(() -> timeToExit(v), 7);
            double ph = EngineBench.median(() -> timeToExit(h), 7);
            double jvm = EngineBench.median(() -> timeToExit(b), 7);
            String mode = cds ? "CDS on both" : "no CDS";
            BenchResults.line(String.format(Locale.ROOT, "5a. start-up: mailwizard --version, %s | %.0f ms vs %.0f ms bare JVM | %.2f x | (report)",
                    mode, cli, jvm, cli / jvm));
            BenchResults.line(String.format(Locale.ROOT, "5c. start-up: mailwizard probe --help, %s | %.0f ms vs %.0f ms bare JVM | %.2f x | %s",
                    mode, ph, jvm, ph / jvm, cds ? "<= 1.3" : "(report)"));
        }

        if (!Files.isExecutable(Path.of("/usr/bin/xvfb-run"))) {
            BenchResults.line("5b. start-up: wizard first frame | skipped: no xvfb-run (apt-get install xvfb) | - | (report)");
            return;
        }
        List<String> wizard = List.of("-Dmailwizard.timing=true", "-cp", app, "dev.mailwizard.Launcher");
        List<String> fx = List.of("-cp", bareJar + File.pathSeparator + fxDeps, "dev.mailwizard.bench.BareFxWindow$Main");
        for (boolean cds : new boolean[]{false, true}) {
            List<String> w = xvfb(java(wizard, cds ? windowArchive("wizard", wizard) : null));
            List<String> f = xvfb(java(fx, cds ? windowArchive("bare-fx", fx) : null));
            timeToLine(f, false);
            timeToLine(w, false);
            double wm = EngineBench.median(() -> timeToLine(w, false), 5);
            double fm = EngineBench.median(() -> timeToLine(f, false), 5);
            BenchResults.line(String.format(Locale.ROOT,
                    "5b. start-up: wizard first frame (Xvfb, incl. xvfb-run), %s | %.0f ms vs %.0f ms bare JavaFX window | %.2f x | %s",
                    cds ? "CDS on both" : "no CDS", wm, fm, wm / fm, cds ? "<= 1.15" : "(report)"));
        }
    }

    /** A jar of a class directory (all of it, or the named entries), for CDS, which maps classes from jars only. */
    private static String jar(String name, Path classes, String... entries) {
        Path out = DIR.resolve(name);
        List<String> args = new ArrayList<>(List.of("--create", "--file", out.toString()));
        if (entries.length == 0) {
            args.addAll(List.of("-C", classes.toString(), "."));
        }
        for (String e : entries) {
            args.addAll(List.of("-C", classes.toString(), e));
        }
        StringWriter err = new StringWriter();
        try {
            Files.deleteIfExists(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int rc = ToolProvider.findFirst("jar").orElseThrow().run(new PrintWriter(err), new PrintWriter(err), args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("jar " + args + ": " + err);
        }
        return out.toAbsolutePath().toString();
    }

    /** A training run of the command that writes its dynamic archive at exit. */
    private static Path archive(String name, List<String> args) {
        Path jsa = fresh(name);
        timeToExit(java(List.of("-XX:ArchiveClassesAtExit=" + jsa.toAbsolutePath()), args));
        return requireArchive(jsa);
    }

    /** The same for a window: it is asked to end (SIGTERM, so the JVM still writes the archive) after its first frame. */
    private static Path windowArchive(String name, List<String> args) {
        Path jsa = fresh(name);
        timeToLine(xvfb(java(List.of("-XX:ArchiveClassesAtExit=" + jsa.toAbsolutePath()), args)), true);
        return requireArchive(jsa);
    }

    private static Path fresh(String name) {
        Path jsa = DIR.resolve(name + ".jsa");
        try {
            Files.deleteIfExists(jsa);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return jsa;
    }

    private static Path requireArchive(Path jsa) {
        if (!Files.isRegularFile(jsa)) {
            throw new IllegalStateException("the training run wrote no archive " + jsa);
        }
        return jsa;
    }

    private static List<String> java(List<String> args, Path archive) {
        return java(archive == null ? List.of() : List.of("-XX:SharedArchiveFile=" + archive.toAbsolutePath(), "-Xshare:on"), args);
    }

    private static List<String> java(List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(JAVA);
        cmd.add("-Xlog:cds*=off");
        cmd.addAll(SHIPPED); // both sides start with what ./mailwizard and the app image use
        cmd.addAll(jvmOptions);
        cmd.addAll(args);
        return cmd;
    }

    private static List<String> shipped() {
        try {
            return BatchBench.shippedJvmOptions();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> xvfb(List<String> cmd) {
        List<String> all = new ArrayList<>(XVFB);
        all.addAll(cmd);
        return all;
    }

    private static long timeToExit(List<String> cmd) {
        try {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(cmd + " failed: " + new String(out, StandardCharsets.UTF_8));
            }
            return (System.nanoTime() - t0) / 1_000_000L;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Process start to the "first frame" line on stderr (the wizard logs it, so it may follow a
     * level); then the window is closed: gently for a training run (the JVM writes its archive on
     * the way out), at once otherwise.
     */
    private static long timeToLine(List<String> cmd, boolean gently) {
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
                if (gently) {
                    List<ProcessHandle> javas = p.descendants().filter(h -> h.info().command().orElse("").endsWith("java")).toList();
                    javas.forEach(ProcessHandle::destroy);
                    javas.forEach(h -> h.onExit().orTimeout(60, TimeUnit.SECONDS).exceptionally(e -> h).join());
                }
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }
}
