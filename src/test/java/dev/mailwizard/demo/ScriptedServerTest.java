package dev.mailwizard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link ScriptedServer#waitUntil}: woken by the server's own events, not by polling. */
class ScriptedServerTest {
    @Test
    void waitUntilFollowsConnectionsAsTheyOpenAndEnd() throws Exception {
        try (var server = ScriptedSmtpServer.start(ServerBehaviour.builder().silent().build())) {
            assertThat(server.waitUntil(s -> s.connections() == 1, Duration.ofMillis(50))).as("nothing connected yet").isFalse();
            Socket client = new Socket(InetAddress.getLoopbackAddress(), server.port());
            assertThat(server.waitUntil(s -> s.openConnections() == 1, Duration.ofSeconds(10))).isTrue();
            client.close();
            assertThat(server.waitUntil(s -> s.connections() == 1 && s.openConnections() == 0, Duration.ofSeconds(10))).isTrue();
        }
    }
}
