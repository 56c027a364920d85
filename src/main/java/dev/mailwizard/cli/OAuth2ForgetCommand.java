package dev.mailwizard.cli;

import dev.mailwizard.signin.KeyringTokenStore;
import dev.mailwizard.signin.TokenStore;
import dev.mailwizard.signin.TokenStoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/** {@code mailwizard oauth2 forget ADDRESS}: removes a remembered sign-in from the OS keyring. */
@Command(name = "forget", mixinStandardHelpOptions = true,
        description = "Removes the sign-in remembered for ADDRESS from the OS keyring (the refresh token is gone from this computer).",
        footer = {"", "Exit codes: 0 removed or nothing was remembered, 1 the keyring could not be used, 2 bad input."})
public final class OAuth2ForgetCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ADDRESS", description = "the address (or login) the sign-in was remembered for")
    String address;

    PrintStream stderr = System.err;
    /** Tests replace the OS keyring (null: the real one). */
    TokenStore tokenStore;

    @Override
    public Integer call() {
        String account = OAuth2Command.account(address);
        try {
            boolean removed = (tokenStore != null ? tokenStore : new KeyringTokenStore()).delete(account);
            stderr.println("mailwizard oauth2 forget: " + (removed ? "the sign-in for " + account + " was removed from the OS keyring"
                    : "no sign-in was remembered for " + account));
            return ExitCodes.WORKING;
        } catch (TokenStoreException e) {
            stderr.println("mailwizard oauth2 forget: " + MailWizardCommand.oneLine(e.getMessage()));
            return ExitCodes.NOTHING_SECURE;
        }
    }
}
