package dev.mailwizard.mta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The facts {@code .ci/mta-setup} writes to its env file: host, account, password, CA, logs. */
final class MtaEnvironment {
    private MtaEnvironment() {
    }

    static Map<String, String> load() throws IOException {
        Path file = Path.of(System.getenv().getOrDefault("MTA_DIR", "/tmp/mailwizard-mta"), "env");
        assertThat(file).as("run .ci/mta-setup first").exists();
        Map<String, String> env = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return env;
    }
}
