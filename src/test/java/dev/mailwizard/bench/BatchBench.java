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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 4. Batch throughput, CPU and memory: {@code mailwizard batch} over 500 host names in a separate
 * JVM limited to 2 cores (taskset, ActiveProcessorCount), against two in-process scripted
 * implicit-TLS servers (a wildcard certificate), so each line is two full TLS probes. The floor
 * is {@link BareTlsHandshakes}: the same 1000 handshakes at the same concurrency in a JVM started
 * the same way. Reports domains/s, failures (must be 0), CPU per domain against the floor's, and
 * the peak RSS of {@code batch} and of one {@code probe}, with the JVM options MailWizard ships
 * (packaging/jvm.args) and, for comparison, the JVM's defaults ({@code java -jar} gets those).
 * {@code -Dbench.variants="OPTIONS;OPTIONS"} instead compares JVM option sets (probe RSS, batch
 * rate, CPU and RSS each), the way the shipped options were chosen; {@code -Dbench.domains=N}
 * changes the 500.
 */
@Tag("bench")
class BatchBench {
    private static final int DOMAINS = Integer.getInteger("bench.domains", 500);
    private static final int DEFAULT_CONCURRENCY = 8;
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void batchThroughput() throws Exception {
        DemoPki pki = DemoPki.newAuthority("Batch Bench CA");
        var cert = pki.issue("*.batch.bench.test");
        Path dir = Files.createTempDirectory("batch-bench");
        Path ca = Files.writeString(dir.resolve("ca.pem"), DemoPki.pem(pki.caCertificate()));
        List<String> shipped = shippedJvmOptions();
        try (var tls = ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(cert.serverContext()).build());
             var tls2 = ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(cert.serverContext()).build())) {
            StringBuilder lines = new StringBuilder();
            List<String> options = new ArrayList<>();
            for (int i = 0; i < DOMAINS; i++) {
                String host = "d" + i + ".batch.bench.test";
                lines.append(host).append('\n');
                options.addAll(List.of("--resolve", host + ":127.0.0.1"));
            }
            // on the command line: mailwizard reads no @files ("probe @example" is an address)
            options.addAll(List.of("--port", Integer.toString(tls.port()), "--port", Integer.toString(tls2.port()),
                    "--security", "tls", "--trust-ca", ca.toString(), "--timeout", "5", "--json"));
            Path input = Files.writeString(dir.resolve("domains.txt"), lines.toString());
            Path one = Files.writeString(dir.resolve("one.txt"), "d0.batch.bench.test\n");
            List<String> ports = List.of(Integer.toString(tls.port()), Integer.toString(tls2.port()));

            batch(dir, shipped, one, options, DEFAULT_CONCURRENCY); // warm the file cache
            String variants = System.getProperty("bench.variants");
            if (variants != null) {
                List<String> probeArgs = new ArrayList<>(List.of("probe", "d0.batch.bench.test", "--resolve", "d0.batch.bench.test:127.0.0.1"));
                probeArgs.addAll(options.subList(2 * DOMAINS, options.size()));
                for (String v : variants.split(";")) {
                    List<String> jvm = v.isBlank() ? List.of() : List.of(v.trim().split("\\s+"));
                    long probeRss = 0;
                    for (int i = 0; i < 3; i++) {
                        probeRss = Math.max(probeRss, ChildJvm.run(mailwizard(jvm, probeArgs), dir.resolve("probe.json"), dir.resolve("probe-err.txt")).peakRssKb());
                    }
                    Outcome b = batch(dir, jvm, input, options, DEFAULT_CONCURRENCY);
                    System.out.printf(Locale.ROOT, "VARIANT [%s] probe max RSS %d MB | batch %.1f/s CPU %.1f ms/domain RSS %d MB failures %d%n", v,
                            probeRss / 1024, DOMAINS * 1000.0 / b.cost().wallMs(), (double) b.cost().cpuMs() / DOMAINS, b.cost().peakRssKb() / 1024, b.failures());
                }
                return;
            }
            // What a JVM costs before its first domain (start-up, loading, compiling): one line alone, both sides
            ChildJvm.Cost batchStart = batch(dir, shipped, one, options, DEFAULT_CONCURRENCY).cost();
            ChildJvm.Cost floorStart = floor(dir, shipped, ca, one, ports, DEFAULT_CONCURRENCY);
            BenchResults.line(String.format(Locale.ROOT, "4. one line alone (start-up included), shipped JVM options | batch CPU %d ms, %d ms wall; floor CPU %d ms, %d ms wall | CPU %.2f x | (report)",
                    batchStart.cpuMs(), batchStart.wallMs(), floorStart.cpuMs(), floorStart.wallMs(), (double) batchStart.cpuMs() / floorStart.cpuMs()));
            for (int concurrency : new int[]{DEFAULT_CONCURRENCY, 32}) {
                ChildJvm.Cost floor = floor(dir, shipped, ca, input, ports, concurrency);
                Outcome run = batch(dir, shipped, input, options, concurrency);
                ChildJvm.Cost c = run.cost();
                double perSecond = DOMAINS * 1000.0 / c.wallMs();
                BenchResults.line(String.format(Locale.ROOT,
                        "4. batch, %d host names x 2 TLS probes, 2 cores, shipped JVM options, --concurrency %d | %.0f ms = %.1f domains/s (floor %.1f/s), %d failures, CPU %.1f ms/domain of which system %.1f (floor %.1f, system %.1f), peak RSS %d MB | CPU %.2f x the floor | >= 80 domains/s, CPU <= 1.5 x, RSS <= 200 MB",
                        DOMAINS, concurrency, (double) c.wallMs(), perSecond, DOMAINS * 1000.0 / floor.wallMs(), run.failures(),
                        (double) c.cpuMs() / DOMAINS, (double) c.systemMs() / DOMAINS, (double) floor.cpuMs() / DOMAINS,
                        (double) floor.systemMs() / DOMAINS, c.peakRssKb() / 1024,
                        (double) c.cpuMs() / floor.cpuMs()));
                BenchResults.line(String.format(Locale.ROOT,
                        "4. the same per domain after start-up ((CPU - one line's CPU) / %d) | batch %.1f ms, floor %.1f ms | %.2f x | (report)",
                        DOMAINS - 1, (c.cpuMs() - batchStart.cpuMs()) / (DOMAINS - 1.0), (floor.cpuMs() - floorStart.cpuMs()) / (DOMAINS - 1.0),
                        (double) (c.cpuMs() - batchStart.cpuMs()) / (floor.cpuMs() - floorStart.cpuMs())));
                if (run.failures() != 0) {
                    throw new AssertionError(run.failures() + " lines did not work; first output: " + run.firstBad());
                }
            }
            Outcome defaults = batch(dir, List.of(), input, options, DEFAULT_CONCURRENCY);
            BenchResults.line(String.format(Locale.ROOT,
                    "4. the same with the JVM's default options (java -jar), --concurrency %d | %.1f domains/s, CPU %.1f ms/domain, peak RSS %d MB | - | (report)",
                    DEFAULT_CONCURRENCY, DOMAINS * 1000.0 / defaults.cost().wallMs(), (double) defaults.cost().cpuMs() / DOMAINS,
                    defaults.cost().peakRssKb() / 1024));

            List<String> probe = new ArrayList<>(List.of("probe", "d0.batch.bench.test", "--resolve", "d0.batch.bench.test:127.0.0.1"));
            probe.addAll(options.subList(2 * DOMAINS, options.size()));
            for (List<String> jvm : List.of(shipped, List.<String>of())) {
                ChildJvm.Cost p = ChildJvm.run(mailwizard(jvm, probe), dir.resolve("probe.json"), dir.resolve("probe-err.txt"));
                BenchResults.line(String.format(Locale.ROOT, "4. one probe (2 TLS probes), %s | peak RSS %d MB, %d ms | - | %s",
                        jvm.isEmpty() ? "the JVM's default options" : "shipped JVM options", p.peakRssKb() / 1024, p.wallMs(),
                        jvm.isEmpty() ? "(report)" : "RSS <= 100 MB"));
            }
        }
    }

    private record Outcome(ChildJvm.Cost cost, int failures, String firstBad) {
    }

    /** The --java-options of packaging/jvm.args, the options ./mailwizard and the app image start with. */
    static List<String> shippedJvmOptions() throws java.io.IOException {
        return Files.readAllLines(Path.of("packaging", "jvm.args")).stream()
                .filter(l -> l.startsWith("--java-options "))
                .map(l -> l.substring("--java-options ".length()).trim())
                .toList();
    }

    private static List<String> mailwizard(List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(JAVA, "-XX:ActiveProcessorCount=2"));
        cmd.addAll(jvmOptions);
        String profiling = System.getProperty("bench.childJvm", ""); // e.g. a profiler's options, for a look inside
        if (!profiling.isBlank()) {
            cmd.addAll(List.of(profiling.trim().split("\\s+")));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.mailwizard.Launcher"));
        cmd.addAll(args);
        return cmd;
    }

    private static ChildJvm.Cost floor(Path dir, List<String> jvmOptions, Path ca, Path names, List<String> ports, int concurrency) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(JAVA, "-XX:ActiveProcessorCount=2"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), BareTlsHandshakes.class.getName(),
                ca.toString(), names.toString(), Integer.toString(concurrency)));
        cmd.addAll(ports);
        Path out = dir.resolve("floor.txt");
        ChildJvm.Cost cost = ChildJvm.run(cmd, out, dir.resolve("floor-err.txt"));
        String failed = Files.readString(out).trim();
        if (!failed.equals("0")) {
            throw new AssertionError("the floor's handshakes failed: " + failed + "; " + Files.readString(dir.resolve("floor-err.txt")));
        }
        return cost;
    }

    private static Outcome batch(Path dir, List<String> jvmOptions, Path input, List<String> options, int concurrency) throws Exception {
        List<String> args = new ArrayList<>(List.of("batch", input.toString()));
        args.addAll(options);
        args.addAll(List.of("--concurrency", Integer.toString(concurrency)));
        Path out = dir.resolve("out.jsonl");
        ChildJvm.Cost cost = ChildJvm.run(mailwizard(jvmOptions, args), out, dir.resolve("err.txt"));
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
        failures += Files.readAllLines(input).size() - lines.size();
        if (lines.isEmpty()) {
            firstBad = Files.readString(dir.resolve("err.txt"));
        }
        return new Outcome(cost, failures, firstBad);
    }
}
