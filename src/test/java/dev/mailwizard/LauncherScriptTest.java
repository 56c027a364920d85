package dev.mailwizard;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code ./mailwizard} script's Class Data Sharing archive: made on the first run under the
 * cache directory, mapped by the next, and a damaged one never breaks a run or prints anything.
 * Runs against the built jar (target/mailwizard.jar, after {@code ./mvnw package}); a copy of the
 * script in a temporary checkout without sources, so it never starts a build.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
@EnabledIf("jarBuilt")
class LauncherScriptTest {
    private static final Path JAR = Path.of("target", "mailwizard.jar").toAbsolutePath();

    @TempDir
    Path tmp;
    private Path script;
    private Path cache;

    static boolean jarBuilt() {
        return Files.isRegularFile(JAR);
    }

    @BeforeEach
    void checkout() throws IOException {
        Path root = tmp.resolve("checkout");
        Files.createDirectories(root.resolve("target"));
        script = Files.copy(Path.of("mailwizard"), root.resolve("mailwizard"));
        Files.createDirectories(root.resolve("packaging"));
        Files.copy(Path.of("packaging", "jvm.args"), root.resolve("packaging").resolve("jvm.args"));
        Path jar = root.resolve("target").resolve("mailwizard.jar");
        try {
            Files.createLink(jar, JAR);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(JAR, jar);
        }
        cache = tmp.resolve("cache");
    }

    @Test
    void theFirstRunMakesTheArchiveAndTheSecondStartsWithIt() throws Exception {
        Run first = run(Map.of(), "probe", "--help");
        assertThat(first.exit()).isZero();
        assertThat(first.out()).startsWith("Usage: mailwizard probe");
        assertThat(first.err()).isEmpty();
        Path jsa = onlyArchive();
        long made = Files.getLastModifiedTime(jsa).toMillis();

        Path loadLog = tmp.resolve("class-load.log");
        // -Xshare:on refuses to start without the archive; the class-load log names where each class came from.
        Run second = run(Map.of("JAVA_TOOL_OPTIONS", "-Xshare:on -Xlog:class+load=info:file=" + loadLog), "probe", "--help");
        assertThat(second.exit()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(Files.readString(loadLog)).contains("dev.mailwizard.Launcher source: shared objects file");
        assertThat(onlyArchive()).isEqualTo(jsa);
        assertThat(Files.getLastModifiedTime(jsa).toMillis()).isEqualTo(made);
    }

    @Test
    void itStartsTheJvmWithTheOptionsOfPackagingJvmArgs() throws Exception {
        Path gcLog = tmp.resolve("gc.log");
        Run run = run(Map.of("JAVA_TOOL_OPTIONS", "-Xlog:gc=info:file=" + gcLog), "--version");
        assertThat(run.exit()).isZero();
        assertThat(Files.readString(gcLog)).contains("Using Serial");
        assertThat(Files.readString(Path.of("packaging", "jvm.args"))).contains("--java-options -XX:+UseSerialGC");
    }

    @Test
    void aTruncatedArchiveIsMadeAgainAndTheRunIsUnharmed() throws Exception {
        String expected = run(Map.of(), "--help").out();
        Path jsa = onlyArchive();
        long size = Files.size(jsa);
        byte[] half = Files.readAllBytes(jsa);
        jsa.toFile().setWritable(true);
        Files.write(jsa, java.util.Arrays.copyOf(half, half.length / 2));

        Run run = run(Map.of(), "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo(expected);
        assertThat(run.err()).isEmpty();
        assertThat(Files.size(onlyArchive())).isEqualTo(size);
    }

    @Test
    void anArchiveWithDamagedContentIsRefusedSilently() throws Exception {
        String expected = run(Map.of(), "--help").out();
        Path jsa = onlyArchive();
        byte[] bytes = Files.readAllBytes(jsa);
        for (int i = bytes.length / 3; i < bytes.length / 3 + 100_000 && i < bytes.length; i++) {
            bytes[i] = (byte) (bytes[i] ^ 0x5a);
        }
        jsa.toFile().setWritable(true);
        Files.write(jsa, bytes);

        Run run = run(Map.of(), "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo(expected);
        assertThat(run.err()).isEmpty();
    }

    private Path onlyArchive() throws IOException {
        try (Stream<Path> files = Files.list(cache.resolve("mailwizard"))) {
            List<Path> archives = files.filter(p -> p.toString().endsWith(".jsa")).toList();
            assertThat(archives).hasSize(1);
            return archives.get(0);
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private Run run(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("sh", script.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().put("XDG_CACHE_HOME", cache.toString());
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        pb.environment().putAll(env);
        Path out = tmp.resolve("out");
        Path err = tmp.resolve("err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(cmd + " did not end");
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8).lines()
                .filter(l -> !l.startsWith("Picked up JAVA_TOOL_OPTIONS")).reduce("", (a, b) -> a + b + "\n");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), stderr);
    }
}
