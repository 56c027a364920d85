package dev.mailwizard.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** The first line of standard input as a secret: the only way a password reaches the command line tools. */
final class StdinSecret {
    private StdinSecret() {
    }

    static char[] read(InputStream stdin, String option) {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            String line = reader.readLine();
            if (line == null || line.isEmpty()) {
                throw new UsageException(option + ": standard input is empty; pipe the password in (e.g. from a password manager)");
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new UsageException(option + ": cannot read standard input");
        }
    }
}
