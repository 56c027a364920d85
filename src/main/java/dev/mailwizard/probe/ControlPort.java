package dev.mailwizard.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * The control connection behind the "your network blocks mail ports" conclusion: can this
 * machine reach the same address on a port that networks almost never block (HTTPS, 443)? A TCP
 * connect and nothing else: no byte is sent.
 */
@FunctionalInterface
public interface ControlPort {
    /** The port used in real runs. */
    int HTTPS = 443;

    /** True when a TCP connection to {@code address} (an IP literal) succeeds within {@code timeout}. */
    boolean answers(String address, Duration timeout);

    /** The port these checks connect to, for the words of the conclusion. */
    default int port() {
        return HTTPS;
    }

    /** A plain TCP connect to {@code port}. */
    static ControlPort tcp(int port) {
        return new ControlPort() {
            @Override
            public boolean answers(String address, Duration timeout) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(InetAddress.getByName(address), port), (int) Math.max(1, timeout.toMillis()));
                    return true;
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            }

            @Override
            public int port() {
                return port;
            }
        };
    }
}
