package dev.mailwizard.mta;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Stands in for the desktop keyring that an exported msmtprc's {@code passwordeval} asks: a
 * {@code secret-tool} in {@code work/bin} (put it first on the client's PATH) that answers only the
 * lookup for the MTA's host and user with the MTA's password, and fails on any other lookup.
 */
final class KeyringStandIn {
    private KeyringStandIn() {
    }

    /** Writes the stand-in and the password it answers with; returns the folder to put on PATH. */
    static Path install(Path work, Map<String, String> env) throws IOException {
        Path bin = Files.createDirectories(work.resolve("bin"));
        Path secretTool = bin.resolve("secret-tool");
        Files.writeString(secretTool, "#!/bin/sh\n"
                + "[ \"$*\" = \"lookup host " + env.get("MTA_HOST") + " service smtp user " + env.get("MTA_USER") + "\" ] || { echo \"unexpected lookup: $*\" >&2; exit 1; }\n"
                + "cat \"" + work.resolve("password") + "\"\n");
        Files.setPosixFilePermissions(secretTool, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(work.resolve("password"), env.get("MTA_PASSWORD") + "\n");
        return bin;
    }
}
