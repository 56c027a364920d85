package dev.mailwizard.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The runnable jar ({@code target/mailwizard.jar}, or {@code -Dmailwizard.jar=...}) holds the JavaFX
 * natives of every platform its manifest's {@code JavaFX-Platforms} claims, built for that CPU, and
 * none for another OS. Skipped when no jar has been built (the test phase runs before package);
 * .ci/run builds the Windows jar and runs this.
 */
class BuiltJarNativesTest {

    @Test
    void theJarHoldsTheNativesItClaims() throws IOException {
        Path jarPath = Path.of(System.getProperty("mailwizard.jar", "target/mailwizard.jar"));
        assumeTrue(Files.isRegularFile(jarPath), "no " + jarPath + " built yet");
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            String claim = jar.getManifest().getMainAttributes().getValue("JavaFX-Platforms");
            assertThat(claim).as("JavaFX-Platforms in %s's manifest", jarPath).isNotBlank();
            List<JavaFxPlatform> platforms = Arrays.stream(claim.split(",")).map(JavaFxPlatform::fromClassifier).toList();
            for (JavaFxPlatform p : platforms) {
                for (String name : p.expectedNatives()) {
                    var entry = jar.getJarEntry(name);
                    assertThat(entry).as("%s in %s (claims %s)", name, jarPath, claim).isNotNull();
                    try (InputStream in = jar.getInputStream(entry)) {
                        assertThat(NativeCpu.of(in.readNBytes(4096))).as("the CPU of %s", name).contains(p.cpu);
                    }
                }
            }
            List<String> foreign = jar.stream().map(e -> e.getName())
                    .filter(JavaFxPlatform::isJavaFxNative)
                    .filter(n -> platforms.stream().noneMatch(p -> p.os.isNative(n))).toList();
            assertThat(foreign).as("natives for an OS %s does not claim", claim).isEmpty();
        }
    }
}
