package dev.mailwizard.export;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every format, both TLS modes, byte for byte against src/test/resources/export/FORMAT/MODE/.
 * After a deliberate change, regenerate with {@code ./mvnw test -Dtest=ExportGoldenTest -Dgolden.update=true}
 * and review the diff.
 */
class ExportGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/export");

    static Stream<Arguments> formats() {
        List<Arguments> out = new ArrayList<>();
        for (ProfileWriter w : ProfileWriters.all()) {
            for (ExportFixtures.Mode m : ExportFixtures.Mode.values()) {
                out.add(Arguments.of(w.id(), m));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("formats")
    void matchesGoldenFiles(String id, ExportFixtures.Mode mode) throws IOException {
        ProfileWriter writer = ProfileWriters.byId(id).orElseThrow();
        ExportInput input = ExportInput.of(ExportFixtures.profile(mode)).withReport(ExportFixtures.report(mode));
        ExportResult result = writer.write(input);
        assertThat(result).as(id + " refused: " + result).isInstanceOf(ExportResult.Written.class);
        Path dir = GOLDEN.resolve(id).resolve(mode.name().toLowerCase(Locale.ROOT));
        List<ExportFile> files = ((ExportResult.Written) result).files();
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(dir);
            for (ExportFile f : files) {
                Files.write(dir.resolve(f.name()), f.content());
            }
        }
        try (Stream<Path> existing = Files.list(dir)) {
            assertThat(existing.map(p -> p.getFileName().toString()).sorted())
                    .as("golden files for " + id + " " + mode).containsExactlyElementsOf(files.stream().map(ExportFile::name).sorted().toList());
        }
        for (ExportFile f : files) {
            Path golden = dir.resolve(f.name());
            if (!Files.exists(golden)) {
                fail("no golden file " + golden + ": run with -Dgolden.update=true and review it");
            }
            assertThat(f.text()).as(golden.toString()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        }
    }
}
