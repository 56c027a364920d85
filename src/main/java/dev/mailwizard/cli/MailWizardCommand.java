package dev.mailwizard.cli;

import dev.mailwizard.model.AppInfo;
import dev.mailwizard.model.AppLanguage;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code mailwizard} command and its sub-commands. */
@Command(name = "mailwizard", mixinStandardHelpOptions = true, versionProvider = MailWizardCommand.Version.class,
        description = "Finds the mail server settings that work, with evidence: every port, every TLS mode, the certificate and the login, explained in plain words.",
        footer = {"", "Start with:  mailwizard              (on a desktop: opens the wizard window)",
                "             mailwizard demo         (no account or network needed)",
                "             mailwizard probe alice@example.com --password-stdin",
                "             mailwizard export --from report.json --format all --out DIR"})
public final class MailWizardCommand implements Runnable {
    /** The sub-commands in the order the help lists them; added in {@link #commandLine(CliIo, List)}. */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Every command takes it, anywhere on the line; the JSON output never changes with it. */
    @CommandLine.Option(names = "--lang", paramLabel = "LANG", scope = CommandLine.ScopeType.INHERIT, converter = LanguageConverter.class,
            description = "language of the text output: en, de, fr, es, it, pt-BR, ja (default: the system's, else English)")
    void language(AppLanguage language) {
        AppLanguage.use(language);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit code (never throws, never prints a stack trace). */
    public static int execute(String... args) {
        return execute(CliIo.system(), args);
    }

    public static int execute(CliIo io, String... args) {
        // Scripts and installers call --version often: answer before picocli builds the command
        // tree (about 0.2 s of reflection; measured by StartupBench).
        if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
            io.out().println(AppInfo.tool());
            io.out().flush();
            return ExitCodes.WORKING;
        }
        String refusal = SecretArguments.refusal(args);
        if (refusal != null) {
            // Refused before parsing, so that no message can echo the password or token.
            io.err().println("mailwizard: " + refusal);
            io.err().flush();
            return ExitCodes.USAGE;
        }
        // The language is the process's; restored so that in-process runs (tests) do not leak it.
        AppLanguage before = AppLanguage.current();
        try {
            return commandLine(io, needed(args)).execute(args);
        } finally {
            AppLanguage.use(before);
        }
    }

    /** The whole command tree with its streams and error handlers. */
    static CommandLine commandLine(CliIo io) {
        return commandLine(io, List.copyOf(SUBCOMMANDS.keySet()));
    }

    /**
     * The sub-command the arguments name, or all of them when they name none (the top-level help
     * lists every one). picocli reads each command's annotations by reflection when it is added,
     * so `probe ...` does not pay for batch, export, demo and oauth2 (StartupBench, 5c).
     */
    static List<String> needed(String... args) {
        if (args.length > 0 && SUBCOMMANDS.containsKey(args[0])) {
            return List.of(args[0]);
        }
        return List.copyOf(SUBCOMMANDS.keySet());
    }

    /** The command tree with the named sub-commands, as {@link #execute} runs it. */
    static CommandLine commandLine(CliIo io, List<String> subcommands) {
        CommandLine cl = new CommandLine(new MailWizardCommand(), new IoFactory(io));
        for (String name : subcommands) {
            cl.addSubcommand(name, SUBCOMMANDS.get(name));
        }
        // No @file arguments: "probe @example" must be an address to check, not a file to read
        // (an unreadable one ended in picocli's stack trace).
        cl.setExpandAtFiles(false);
        cl.setOut(new PrintWriter(io.out(), true));
        cl.setErr(new PrintWriter(io.err(), true));
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println(c.getCommandSpec().qualifiedName() + ": " + oneLine(usageMessage(ex, a))
                    + " (see '" + c.getCommandSpec().qualifiedName() + " --help')");
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            if (ex instanceof UsageException) {
                c.getErr().println(c.getCommandSpec().qualifiedName() + ": " + oneLine(ex.getMessage()));
                return ExitCodes.USAGE;
            }
            c.getErr().println(c.getCommandSpec().qualifiedName() + ": internal error: " + oneLine(String.valueOf(ex))
                    + " (please report this; nothing else was affected)");
            return ExitCodes.NOTHING_SECURE;
        });
        return cl;
    }

    /** picocli's message, except that unknown arguments are listed with secret-looking values hidden. */
    private static String usageMessage(CommandLine.ParameterException ex, String[] args) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            List<String> shown = SecretArguments.shown(u.getUnmatched(), List.of(args));
            boolean options = shown.get(0).startsWith("-");
            String what = options ? "Unknown option" : "Unmatched argument";
            return what + (shown.size() == 1 ? "" : "s") + ": " + String.join(", ", shown.stream().map(x -> "'" + x + "'").toList());
        }
        return ex.getMessage();
    }

    /**
     * A message as one line a terminal shows as it is: line breaks become spaces, other control
     * characters (an escape sequence typed or pasted into a value) are written as \\uXXXX.
     */
    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '\r' || c == '\n') {
                b.append(' ');
            } else if (c < 0x20 || c >= 0x7f && c < 0xa0) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString().strip();
    }

    /** Hands each command the streams it should use. */
    private static final class IoFactory implements CommandLine.IFactory {
        private final CliIo io;

        IoFactory(CliIo io) {
            this.io = io;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            K created = CommandLine.defaultFactory().create(cls);
            if (created instanceof ProbeCommand p) {
                p.stdin = io.in();
                p.stdout = io.out();
                p.stderr = io.err();
                p.baseTrust = io.baseTrust();
                p.tokenStore = io.tokenStore();
                p.browser = io.browser();
            } else if (created instanceof OAuth2TokenCommand t) {
                t.stdout = io.out();
                t.stderr = io.err();
                t.tokenStore = io.tokenStore();
            } else if (created instanceof OAuth2ForgetCommand f) {
                f.stderr = io.err();
                f.tokenStore = io.tokenStore();
            } else if (created instanceof BatchCommand b) {
                b.stdin = io.in();
                b.stdout = io.out();
                b.stderr = io.err();
                b.baseTrust = io.baseTrust();
            } else if (created instanceof ExportCommand x) {
                x.stdin = io.in();
                x.stdout = io.out();
                x.stderr = io.err();
            } else if (created instanceof DemoCommand d) {
                d.stdout = io.out();
                d.stderr = io.err();
            }
            return created;
        }
    }

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("probe", ProbeCommand.class);
        m.put("batch", BatchCommand.class);
        m.put("export", ExportCommand.class);
        m.put("demo", DemoCommand.class);
        m.put("oauth2", OAuth2Command.class);
        return m;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{AppInfo.tool()};
        }
    }
}
