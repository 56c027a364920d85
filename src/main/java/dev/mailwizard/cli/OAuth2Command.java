package dev.mailwizard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mailwizard oauth2}: what was remembered with {@code probe --oauth2 --oauth2-remember}. */
@Command(name = "oauth2", mixinStandardHelpOptions = true,
        description = "Sign-ins remembered in the OS keyring (probe --oauth2 --oauth2-remember): a fresh access token for mail programs, or forget one.",
        subcommands = {OAuth2TokenCommand.class, OAuth2ForgetCommand.class})
public final class OAuth2Command implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The address or login a sign-in is kept under: not empty, no control characters. */
    static String account(String value) {
        if (value.isBlank() || value.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
            throw new UsageException("ADDRESS '" + MailWizardCommand.oneLine(value) + "' is empty or contains control characters");
        }
        return value.strip();
    }
}
