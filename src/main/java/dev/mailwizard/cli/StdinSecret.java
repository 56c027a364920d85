package dev.mailwizard.cli;

import dev.mailwizard.model.Credentials;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** The first line of standard input as a secret: the only way a password or a token reaches the command line tools. */
final class StdinSecret {
    private StdinSecret() {
    }

    /** The login of {@code probe} when its secret comes on standard input (a password or an access token), else null. */
    static Credentials credentials(ParsedProbe probe, InputStream stdin) {
        return switch (probe.secret()) {
            case PASSWORD_STDIN -> new Credentials(probe.login(), read(stdin, "--password-stdin"));
            case TOKEN_STDIN -> Credentials.withToken(probe.login(), readToken(stdin));
            case OAUTH2, NONE -> null;
        };
    }

    static char[] read(InputStream stdin, String option) {
        return read(stdin, option, "pipe the password in (e.g. from a password manager)");
    }

    /** The OAuth2 access token of {@code --oauth2-token-stdin}. */
    static char[] readToken(InputStream stdin) {
        return read(stdin, "--oauth2-token-stdin", "pipe the access token in (e.g. mailwizard oauth2 token ADDRESS | mailwizard probe ADDRESS --oauth2-token-stdin)");
    }

    private static char[] read(InputStream stdin, String option, String hint) {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            String line = reader.readLine();
            if (line == null || line.isEmpty()) {
                throw new UsageException(option + ": standard input is empty; " + hint);
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new UsageException(option + ": cannot read standard input");
        }
    }
}
