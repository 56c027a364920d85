package dev.mailwizard.mta;

import dev.mailwizard.cli.CliIo;
import dev.mailwizard.cli.MailWizardCommand;
import dev.mailwizard.signin.Browser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code mailwizard ARGS} in this JVM with captured streams, the OS keyring as its token store, and
 * a browser that a test drives (null: the system browser).
 */
final class InProcessCli {
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\nstderr: " + err + "\nstdout: " + out;
        }
    }

    private InProcessCli() {
    }

    static Result run(String stdin, Browser browser, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MailWizardCommand.execute(new CliIo(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), null, null, browser),
                args.toArray(String[]::new));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
