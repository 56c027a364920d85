package dev.mailwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.demo.ServerBehaviour;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Ctrl-C (SIGINT) stops every probe at once, prints what finished and exits 130. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class InterruptTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void sigintCancelsTheRunAndExits130WithAPartialReport() throws Exception {
        try (var tarpit = ScriptedSmtpServer.start(ServerBehaviour.builder().silent().build());
             var good = ScriptedSmtpServer.start(ServerBehaviour.builder().noTls().build())) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.mailwizard.Launcher",
                    "probe", "alice@example.com", "--host", "mail.example.com", "--resolve", "mail.example.com:127.0.0.1",
                    "--port", Integer.toString(tarpit.port()), "--port", Integer.toString(good.port()),
                    "--security", "starttls", "--timeout", "60", "--json")
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            // Interrupt while the tarpit holds one probe and after the other has ended: a probe
            // closes its connection only once its verdict is made.
            assertThat(tarpit.waitUntil(s -> s.connections() >= 1, WAIT)).as("a probe is in the tarpit").isTrue();
            assertThat(good.waitUntil(s -> s.connections() == 1 && s.openConnections() == 0, WAIT)).as("the other probe ended").isTrue();
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("exited soon after SIGINT").isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).isEqualTo(130);
            assertThat(out).contains("\"cancelled\" : true").contains("SKIPPED").contains("STARTTLS_NOT_OFFERED");
        }
    }
}
