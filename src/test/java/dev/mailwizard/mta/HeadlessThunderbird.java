package dev.mailwizard.mta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's Thunderbird, headless, with a fresh profile and Marionette on, driven by the small
 * client in src/test/resources/clients. Closed by killing the whole process tree (Marionette's
 * Quit may not return).
 */
final class HeadlessThunderbird implements AutoCloseable {
    private static final Path CLIENTS = Path.of("src/test/resources/clients").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final Path work;

    private HeadlessThunderbird(Process process, Path work) {
        this.process = process;
        this.work = work;
    }

    /** Starts Thunderbird on {@code profile} (which may already hold a user.js and a cert DB). */
    static HeadlessThunderbird start(Path profile, Path work) throws IOException {
        Process p = new ProcessBuilder("thunderbird", "--headless", "--marionette", "-remote-allow-system-access", "--no-remote",
                "-profile", profile.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("thunderbird.log").toFile()).start();
        return new HeadlessThunderbird(p, work);
    }

    /** Runs a chrome script; each argument goes through a private file, never the command line. */
    JsonNode run(String script, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", CLIENTS.resolve("marionette.py").toString(),
                CLIENTS.resolve(script).toString()));
        for (int i = 0; i < args.length; i++) {
            Path arg = Files.createTempFile(work, "marionette-arg", ".txt",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(arg, args[i]);
            cmd.add(arg.toString());
        }
        ExternalProgram.Result r = ExternalProgram.run(cmd, Map.of(), "", work);
        if (r.exit() != 0) {
            throw new AssertionError("Marionette: " + r + "\nThunderbird's log:\n" + Files.readString(work.resolve("thunderbird.log")));
        }
        return JSON.readTree(r.out());
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
