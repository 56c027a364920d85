package dev.mailwizard.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the command line in-process with captured streams. */
final class CliHarness {
    record Result(int exitCode, String out, String err) {
    }

    private CliHarness() {
    }

    /** Writes the test CA where --trust-ca can read it. */
    static java.nio.file.Path writeCa(java.nio.file.Path dir, dev.mailwizard.demo.DemoPki pki) {
        try {
            return java.nio.file.Files.writeString(dir.resolve("ca.pem"), dev.mailwizard.demo.DemoPki.pem(pki.caCertificate()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Result run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MailWizardCommand.execute(new CliIo(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), null), args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
