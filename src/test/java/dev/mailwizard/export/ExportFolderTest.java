package dev.mailwizard.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportFolderTest {
    @TempDir
    Path dir;

    @Test
    void writesPrivateFilesAndLeavesNoTemporaryFileBehind() throws IOException {
        new ExportFolder(dir.resolve("new/sub"), false).write(List.of(ExportFile.text("msmtprc", "a"), ExportFile.text("user.js", "b")));
        Path out = dir.resolve("new/sub");
        assertThat(Files.readString(out.resolve("msmtprc"))).isEqualTo("a");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("msmtprc")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("user.js")))).isEqualTo("rw-------");
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("msmtprc", "user.js");
        }
    }

    @Test
    void neverReplacesAFileWithoutForceEvenIfItAppearsAfterTheCheck() throws IOException {
        Path existing = dir.resolve("msmtprc");
        Files.writeString(existing, "the user's own settings");
        ExportFolder folder = new ExportFolder(dir, false);
        assertThat(folder.conflicts(List.of(ExportFile.text("msmtprc", "new"), ExportFile.text("other", "x")))).containsExactly(existing);
        assertThatThrownBy(() -> folder.write(ExportFile.text("msmtprc", "new"))).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(existing)).isEqualTo("the user's own settings");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s).containsExactly(existing);
        }
    }

    @Test
    void forceReplacesAndTheNewFileIsPrivateEvenIfTheOldOneWasNot() throws IOException {
        Path existing = dir.resolve("msmtprc");
        Files.writeString(existing, "old");
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r--r--"));
        ExportFolder folder = new ExportFolder(dir, true);
        assertThat(folder.conflicts(List.of(ExportFile.text("msmtprc", "new")))).isEmpty();
        folder.write(ExportFile.text("msmtprc", "new"));
        assertThat(Files.readString(existing)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(existing))).isEqualTo("rw-------");
    }

    @Test
    void saveAsReplacesTheChosenFileAndMakesItPrivate() throws IOException {
        Path chosen = Files.writeString(dir.resolve("report.json"), "old");
        assertThat(ExportFolder.saveAs(chosen, "{}")).isEqualTo(chosen);
        assertThat(Files.readString(chosen)).isEqualTo("{}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(chosen))).isEqualTo("rw-------");
    }

    @Test
    void aFileNameCannotLeaveTheFolder() {
        assertThatThrownBy(() -> ExportFile.text("../evil", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExportFile.text(".hidden", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
