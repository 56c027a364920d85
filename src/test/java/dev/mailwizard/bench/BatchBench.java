package dev.mailwizard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailwizard.demo.DemoPki;
import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.demo.ServerBehaviour;

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
 * 4. Batch throughput: {@code mailwizard batch} over 500 host names in a separate JVM limited to
 * 2 cores (taskset, ActiveProcessorCount), against two in-process scripted implicit-TLS servers
 * (a wildcard certificate), so each line is two full TLS probes. Reports domains/s, failures (must be 0) and the child's peak
 * RSS, and the ratio against one line run alone in the same way (500 x alone / batch wall).
 */
@Tag("bench")
class BatchBench {
    private static final int DOMAINS = 500;
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void batchThroughput() throws Exception {
        DemoPki pki = DemoPki.newAuthority("Batch Bench CA");
        var cert = pki.issue("*.batch.bench.test");
        Path dir = Files.createTempDirectory("batch-bench");
        Path ca = Files.writeString(dir.resolve("ca.pem"), DemoPki.pem(pki.caCertificate()));
        try (var tls = ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(cert.serverContext()).build());
             var tls2 = ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(cert.serverContext()).build())) {
            StringBuilder lines = new StringBuilder();
            StringBuilder resolves = new StringBuilder();
            for (int i = 0; i < DOMAINS; i++) {
                String host = "d" + i + ".batch.bench.test";
                lines.append(host).append('\n');
                resolves.append("--resolve\n").append(host).append(":127.0.0.1\n");
            }
            Path input = Files.writeString(dir.resolve("domains.txt"), lines.toString());
            Path one = Files.writeString(dir.resolve("one.txt"), "d0.batch.bench.test\n");
            Path args = Files.writeString(dir.resolve("args.txt"), resolves + "--port\n" + tls.port() + "\n--port\n" + tls2.port()
                    + "\n--security\ntls\n--trust-ca\n" + ca + "\n--timeout\n5\n--json\n");
            run(one, args, dir, 8); // warm the file cache
            double alone = EngineBench.median(() -> run(one, args, dir, 8).wallMs(), 3);
            for (int concurrency : new int[]{8, 32}) {
                Run r = run(input, args, dir, concurrency);
                double perSecond = DOMAINS * 1000.0 / r.wallMs();
                BenchResults.line(String.format(Locale.ROOT,
                        "4. batch, %d host names x 2 probes, 2 cores, --concurrency %d | %.0f ms, %.1f domains/s, %d failures, peak RSS %d MB | %.0f x one line alone (%.0f ms) | failures = 0",
                        DOMAINS, concurrency, (double) r.wallMs(), perSecond, r.failures(), r.peakRssKb() / 1024, DOMAINS * alone / r.wallMs(), alone));
                if (r.failures() != 0) {
                    throw new AssertionError(r.failures() + " lines did not work; first output: " + r.firstBad());
                }
            }
        }
    }

    private record Run(long wallMs, int failures, long peakRssKb, String firstBad) {
    }

    private static Run run(Path input, Path args, Path dir, int concurrency) {
        try {
            List<String> cmd = new ArrayList<>();
            if (Files.isExecutable(Path.of("/usr/bin/taskset"))) {
                cmd.addAll(List.of("/usr/bin/taskset", "-c", "0,1"));
            }
            cmd.addAll(List.of(JAVA, "-XX:ActiveProcessorCount=2", "-cp", System.getProperty("java.class.path"), "dev.mailwizard.Launcher",
                    "batch", input.toString(), "@" + args, "--concurrency", Integer.toString(concurrency)));
            Path out = dir.resolve("out.jsonl");
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
            long peak = 0;
            Path status = Path.of("/proc", Long.toString(p.pid()), "status");
            while (!p.waitFor(50, TimeUnit.MILLISECONDS)) {
                peak = Math.max(peak, peakRss(status));
            }
            long wall = (System.nanoTime() - t0) / 1_000_000L;
            int failures = 0;
            String firstBad = null;
            ObjectMapper json = new ObjectMapper();
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            for (String line : lines) {
                JsonNode n = json.readTree(line);
                if (!"WORKING".equals(n.path("verdict").asText())) {
                    failures++;
                    firstBad = firstBad == null ? line : firstBad;
                }
            }
            long expected = Files.readAllLines(input).size();
            failures += (int) (expected - lines.size());
            return new Run(wall, failures, peak, firstBad);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** VmHWM: the process's peak resident set so far, in KB (0 when /proc is not there). */
    private static long peakRss(Path status) {
        try {
            for (String l : Files.readAllLines(status)) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("\\D", ""));
                }
            }
        } catch (Exception e) {
            // the process just ended
        }
        return 0;
    }
}
