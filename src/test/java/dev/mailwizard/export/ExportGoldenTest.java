package dev.mailwizard.export;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Every format, both TLS modes, byte for byte against src/test/resources/export/FORMAT/MODE/; and
 * every format for an OAuth2 account (Outlook.com, from a report made by hand after the contract)
 * against FORMAT/oauth2/, where a format whose client cannot sign in so has its refusal in
 * {@value #REFUSED}. A picture (the QR code) is compared pixel for pixel. After a deliberate change, regenerate with
 * {@code ./mvnw test -Dtest=ExportGoldenTest -Dgolden.update=true} and review the diff. The files are
 * for Linux, fixed here rather than taken from the machine; macOS and Windows are in ExportHostOsTest.
 */
class ExportGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/export");
    private static final String REFUSED = "refused.txt";

    static Stream<Arguments> formats() {
        List<Arguments> out = new ArrayList<>();
        for (ProfileWriter w : ProfileWriters.all()) {
            for (ExportFixtures.Mode m : ExportFixtures.Mode.values()) {
                out.add(Arguments.of(w.id(), m));
            }
        }
        return out.stream();
    }

    static Stream<String> formatIds() {
        return ProfileWriters.ids().stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("formats")
    void matchesGoldenFiles(String id, ExportFixtures.Mode mode) throws IOException {
        ProfileWriter writer = ProfileWriters.byId(id).orElseThrow();
        ExportInput input = ExportInput.of(ExportFixtures.profile(mode)).withReport(ExportFixtures.report(mode)).on(HostOs.LINUX);
        ExportResult result = writer.write(input);
        assertThat(result).as(id + " refused: " + result).isInstanceOf(ExportResult.Written.class);
        compare(GOLDEN.resolve(id).resolve(mode.name().toLowerCase(Locale.ROOT)), ((ExportResult.Written) result).files());
    }

    @ParameterizedTest(name = "{0} oauth2")
    @MethodSource("formatIds")
    void anOAuth2AccountMatchesGoldenFilesOrItsRefusal(String id) throws IOException {
        JsonNode report = ExportFixtures.oauth2Report();
        ExportResult result = ProfileWriters.byId(id).orElseThrow().write(ExportInput.of(ReportProfiles.from(report, "Alice Example")).withReport(report).on(HostOs.LINUX));
        List<ExportFile> files = result instanceof ExportResult.Written w ? w.files()
                : List.of(ExportFile.text(REFUSED, ((ExportResult.Refused) result).reason() + "\n"));
        compare(GOLDEN.resolve(id).resolve("oauth2"), files);
    }

    static void compare(Path dir, List<ExportFile> files) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(dir);
            try (Stream<Path> old = Files.list(dir)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
            for (ExportFile f : files) {
                Files.write(dir.resolve(f.name()), f.content());
            }
        }
        try (Stream<Path> existing = Files.list(dir)) {
            assertThat(existing.map(p -> p.getFileName().toString()).sorted())
                    .as("golden files in " + dir).containsExactlyElementsOf(files.stream().map(ExportFile::name).sorted().toList());
        }
        for (ExportFile f : files) {
            Path golden = dir.resolve(f.name());
            if (!Files.exists(golden)) {
                fail("no golden file " + golden + ": run with -Dgolden.update=true and review it");
            }
            if (f.image()) {
                // Pixels, not bytes: the PNG encoder's compression may differ between JDKs.
                assertThat(QrCodes.pixels(f.content())).as(golden.toString()).isEqualTo(QrCodes.pixels(Files.readAllBytes(golden)));
            } else {
                assertThat(f.text()).as(golden.toString()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
            }
        }
    }
}
