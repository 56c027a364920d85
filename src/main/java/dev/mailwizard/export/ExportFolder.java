package dev.mailwizard.export;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes exported files into one folder: each through a temporary file in the same folder, mode
 * 0600 from the start, synced, then moved into place, so a crash or a full disk never leaves half
 * a profile and no other user can read a password even for a moment. Without {@code force} an
 * existing file is never replaced, and that is checked for every file before the first is written.
 * Several formats may bring the same file (the CA copy): the same name with the same bytes is
 * written once; the same name with other bytes is a conflict like any other.
 */
public final class ExportFolder {
    private final Path dir;
    private final boolean force;
    private final java.util.Map<String, ExportFile> written = new java.util.HashMap<>();

    public ExportFolder(Path dir, boolean force) {
        this.dir = dir;
        this.force = force;
    }

    /**
     * Saves one file at a path the user picked in a save dialog (which already asked before
     * replacing), with the same temporary-file, 0600 and rename steps.
     */
    public static Path saveAs(Path target, String text) throws IOException {
        Path absolute = target.toAbsolutePath();
        return new ExportFolder(absolute.getParent(), true).write(ExportFile.text(absolute.getFileName().toString(), text));
    }

    /** Files that would be overwritten (empty with {@code force}). */
    public List<Path> conflicts(List<ExportFile> files) {
        List<Path> out = new ArrayList<>();
        if (!force) {
            for (ExportFile f : files) {
                Path p = dir.resolve(f.name());
                if (!out.contains(p) && Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** Writes all files; returns their paths. */
    public List<Path> write(List<ExportFile> files) throws IOException {
        List<Path> written = new ArrayList<>();
        for (ExportFile f : files) {
            written.add(write(f));
        }
        return written;
    }

    public Path write(ExportFile f) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(f.name());
        ExportFile before = written.get(f.name());
        if (before != null && java.util.Arrays.equals(before.content(), f.content())) {
            return target;
        }
        Path path = writeNew(f, target);
        written.put(f.name(), f);
        return path;
    }

    private Path writeNew(ExportFile f, Path target) throws IOException {
        Path tmp = createPrivateTemp();
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(f.content());
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (force) {
                moveReplacing(tmp, target);
            } else {
                // A hard link fails if the target exists, so a file that appeared meanwhile is not clobbered.
                try {
                    Files.createLink(target, tmp);
                } catch (UnsupportedOperationException | IOException e) {
                    if (e instanceof FileAlreadyExistsException fe) {
                        throw fe;
                    }
                    if (Files.exists(target)) {
                        throw new FileAlreadyExistsException(target.toString());
                    }
                    Files.move(tmp, target);
                }
            }
            return target;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void moveReplacing(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Path createPrivateTemp() throws IOException {
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            FileAttribute<?> mode = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            return Files.createTempFile(dir, ".mailwizard-", ".tmp", mode);
        }
        return Files.createTempFile(dir, ".mailwizard-", ".tmp");
    }
}
