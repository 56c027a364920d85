package dev.mailwizard.mta;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** One of the test MTA's log files, read from a mark on: what the server wrote during one step of a test. */
final class ServerLog {
    private final Path file;
    private final long mark;

    private ServerLog(Path file, long mark) {
        this.file = file;
        this.mark = mark;
    }

    /** Marks the end of the file as it is now. */
    static ServerLog from(Path file) throws IOException {
        return new ServerLog(file, lineCount(file));
    }

    /**
     * The lines written since the mark that match, as soon as there are at least {@code atLeast}
     * of them, or after 10 s: the servers write their logs through a separate process, so a line
     * may land just after the client saw the reply.
     */
    List<String> await(Predicate<String> match, int atLeast) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<String> found = since(match);
        while (found.size() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(100);
            found = since(match);
        }
        return found;
    }

    List<String> since(Predicate<String> match) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.skip(mark).filter(match).toList();
        }
    }

    private static long lineCount(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        }
    }
}
