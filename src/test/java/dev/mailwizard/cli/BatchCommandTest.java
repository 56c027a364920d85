package dev.mailwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailwizard.demo.DemoPki;
import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.demo.ServerBehaviour;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mailwizard batch} end to end against scripted servers on loopback. Names resolve through
 * --resolve: to 127.0.0.1 (where the servers are) or to 127.0.0.2 (where nothing listens).
 */
class BatchCommandTest {
    private static final TestCa CA = TestCa.named("Batch Test CA");
    private static final DemoPki PKI = CA.pki();
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;


    private static Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    private static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> l = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                l.add(JSON.readTree(line));
            }
        }
        return l;
    }

    @Test
    void resultsComeInInputOrderWithBadLinesInPlace() throws Exception {
        try (var tarpit = ScriptedSmtpServer.start(ServerBehaviour.builder().silent().build());
             var good = ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(PKI.issue("good.batch.test").serverContext()).build())) {
            Path input = file("order.txt", "# help-desk queue\ngood.batch.test\n\nfast.batch.test   # nothing listens here\nbob@\n");
            CliHarness.Result r = CliHarness.run("", "batch", input.toString(), "--json", "--concurrency", "4",
                    "--port", Integer.toString(tarpit.port()), "--port", Integer.toString(good.port()), "--security", "tls",
                    "--resolve", "good.batch.test:127.0.0.1", "--resolve", "fast.batch.test:127.0.0.2",
                    "--trust-ca", CA.file(), "--timeout", "1.5");
            assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
            List<JsonNode> out = lines(r.out());
            assertThat(out).extracting(n -> n.get("input").asText()).containsExactly("good.batch.test", "fast.batch.test", "bob@");
            assertThat(out).extracting(n -> n.get("line").asInt()).containsExactly(2, 4, 5);
            // The first line waited for the tarpit, the second was refused at once: order is the input's, not the finish.
            assertThat(out.get(0).get("verdict").asText()).isEqualTo("WORKING");
            assertThat(out.get(0).get("elapsedMs").asLong()).isGreaterThan(out.get(1).get("elapsedMs").asLong());
            assertThat(out.get(1).get("probes").get(0).get("outcome").asText()).isEqualTo("REFUSED");
            assertThat(out.get(2).get("error").asText()).isEqualTo("line 5: e-mail address 'bob@' has no domain after the '@'");
            assertThat(r.err()).contains("[3/3]").contains("1 working");
        }
    }

    @Test
    void incomingOnlyLinesAreJudgedOnIncomingMail() throws Exception {
        var tls = PKI.issue("in.batch.test").serverContext();
        try (var imap = dev.mailwizard.demo.ScriptedImapServer.start(dev.mailwizard.demo.MailboxBehaviour.implicit(tls, "u@batch.test", "pw"))) {
            Path input = file("incoming.txt", "in.batch.test\n");
            String[] args = {"batch", input.toString(), "--port", "imap:" + imap.port(), "--security", "tls",
                    "--resolve", "in.batch.test:127.0.0.1", "--trust-ca", CA.file()};
            CliHarness.Result text = CliHarness.run("", args);
            assertThat(text.exitCode()).as(text.err() + text.out()).isZero();
            assertThat(text.out()).contains("WORKING").contains("IMAP in.batch.test:" + imap.port() + " SSL/TLS");
            String[] json = java.util.Arrays.copyOf(args, args.length + 1);
            json[args.length] = "--json";
            assertThat(lines(CliHarness.run("", json).out()).get(0).get("verdict").asText()).isEqualTo("WORKING");
        }
    }

    @Test
    void neverRunsMoreLinesAtOnceThanAsked() throws Exception {
        try (var tarpit = ScriptedSmtpServer.start(ServerBehaviour.builder().silent().build())) {
            StringBuilder content = new StringBuilder();
            List<String> args = new ArrayList<>(List.of("batch", "", "--concurrency", "2", "--port", Integer.toString(tarpit.port()),
                    "--security", "tls", "--timeout", "0.5"));
            for (int i = 0; i < 6; i++) {
                content.append("t").append(i).append(".batch.test\n");
                args.addAll(List.of("--resolve", "t" + i + ".batch.test:127.0.0.1"));
            }
            args.set(1, file("six.txt", content.toString()).toString());
            CliHarness.Result r = CliHarness.run("", args.toArray(String[]::new));
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.out().lines()).hasSize(6).allMatch(l -> l.contains("NOTHING_SECURE"));
            assertThat(tarpit.connections()).isEqualTo(6);
            assertThat(tarpit.maxOpenConnections()).isBetween(1, 2);
        }
    }

    @Test
    void aLineThatOutlivesItsDeadlineIsEndedAndSaysSo() throws Exception {
        try (var tarpit = ScriptedSmtpServer.start(ServerBehaviour.builder().silent().build())) {
            Path input = file("slow.txt", "slow.batch.test\n");
            long t0 = System.nanoTime();
            CliHarness.Result r = CliHarness.run("", "batch", input.toString(), "--json", "--port", Integer.toString(tarpit.port()),
                    "--security", "tls", "--resolve", "slow.batch.test:127.0.0.1", "--timeout", "60", "--item-timeout", "1");
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).as("ended by --item-timeout, not --timeout").isLessThan(30);
            JsonNode line = lines(r.out()).get(0);
            assertThat(line.get("error").asText()).contains("not finished within --item-timeout");
            assertThat(line.get("cancelled").asBoolean()).isTrue();
            assertThat(r.exitCode()).isEqualTo(1);
        }
    }

    @Test
    void badOptionsOrFilesStopBeforeAnythingIsContacted() throws Exception {
        Path input = file("one.txt", "example.test\n");
        assertUsage(CliHarness.run("", "batch", dir.resolve("missing.txt").toString()), "missing.txt' does not exist");
        assertUsage(CliHarness.run("", "batch", file("empty.txt", "# nothing\n\n").toString()), "has no addresses or host names");
        assertUsage(CliHarness.run("", "batch", input.toString(), "--concurrency", "0"), "--concurrency 0 must be between 1 and 64");
        assertUsage(CliHarness.run("", "batch", input.toString(), "--timeout", "soon"), "--timeout 'soon' is not a number");
        assertUsage(CliHarness.run("", "batch", input.toString(), "--item-timeout", "-1"), "--item-timeout '-1' must be more than 0");
        assertUsage(CliHarness.run("", "batch", input.toString(), "--pin", "zz"), "zz");
    }

    private static void assertUsage(CliHarness.Result r, String message) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(message).doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void linesCanComeFromStandardInput() {
        CliHarness.Result r = CliHarness.run("a b\n", "batch", "-");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("a b\tERROR\tline 1: 'a b' holds more than one word");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void ctrlCWritesWhatFinishedAndExits130() throws Exception {
        try (var tarpit = ScriptedSmtpServer.start(ServerBehaviour.builder().silent().build())) {
            Path input = file("tarpits.txt", "fast.batch.test\nslow1.batch.test\nslow2.batch.test\nslow3.batch.test\n");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.mailwizard.Launcher",
                    "batch", input.toString(), "--json", "--concurrency", "2", "--port", Integer.toString(tarpit.port()), "--security", "tls",
                    "--resolve", "fast.batch.test:127.0.0.2", "--resolve", "slow1.batch.test:127.0.0.1",
                    "--resolve", "slow2.batch.test:127.0.0.1", "--resolve", "slow3.batch.test:127.0.0.1", "--timeout", "60")
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
            // slow2 starts only once fast has ended and been written: with both slow lines in the
            // tarpit, Ctrl-C finds one line written, two running and one not started.
            assertThat(tarpit.waitUntil(s -> s.connections() >= 2, Duration.ofSeconds(20))).as("two lines in the tarpit").isTrue();
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("exited soon after SIGINT").isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).isEqualTo(130);
            List<JsonNode> lines = lines(out);
            // fast was refused at once; slow1 and slow2 were in the tarpit and are cancelled; slow3 never started.
            assertThat(lines).extracting(n -> n.get("input").asText()).containsExactly("fast.batch.test", "slow1.batch.test", "slow2.batch.test");
            assertThat(lines.get(1).get("cancelled").asBoolean()).isTrue();
            assertThat(lines.get(2).get("cancelled").asBoolean()).isTrue();
            assertThat(err).contains("cancelled; 3 of 4 finished and written");
        }
    }
}
