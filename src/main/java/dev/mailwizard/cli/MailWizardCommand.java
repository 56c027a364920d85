package dev.mailwizard.cli;

import dev.mailwizard.model.AppInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The {@code mailwizard} command and its sub-commands. */
@Command(name = "mailwizard", mixinStandardHelpOptions = true, versionProvider = MailWizardCommand.Version.class,
        description = {"Finds the mail server settings that work, with evidence: every port, every TLS mode,",
                "the certificate and the login, explained in plain words."},
        subcommands = {ProbeCommand.class, DemoCommand.class},
        footer = {"", "Start with:  mailwizard demo        (no account or network needed)",
                "             mailwizard probe alice@example.com --password-stdin"})
public final class MailWizardCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit code (never throws, never prints a stack trace). */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new MailWizardCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println(c.getCommandName() + ": " + oneLine(ex.getMessage())
                    + " (see '" + c.getCommandSpec().qualifiedName() + " --help')");
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            if (ex instanceof UsageException) {
                c.getErr().println(c.getCommandName() + ": " + oneLine(ex.getMessage()));
                return ExitCodes.USAGE;
            }
            c.getErr().println(c.getCommandName() + ": internal error: " + oneLine(String.valueOf(ex))
                    + " (please report this; nothing else was affected)");
            return ExitCodes.NOTHING_SECURE;
        });
        return cl.execute(args);
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replace('\r', ' ').replace('\n', ' ').strip();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{AppInfo.tool()};
        }
    }
}
