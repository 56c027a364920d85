package dev.mailwizard.cli;

import dev.mailwizard.demo.DemoPki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A test CA for command-line tests, its certificate written where {@code --trust-ca} reads it. */
record TestCa(DemoPki pki, String file) {
    static TestCa named(String name) {
        DemoPki pki = DemoPki.newAuthority(name);
        try {
            Path pem = Files.createTempFile("mailwizard-test-ca", ".pem");
            pem.toFile().deleteOnExit();
            Files.writeString(pem, DemoPki.pem(pki.caCertificate()));
            return new TestCa(pki, pem.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
