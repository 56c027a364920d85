package dev.mailwizard.cli;

import dev.mailwizard.probe.TrustMaterial;
import dev.mailwizard.signin.FreshToken;
import dev.mailwizard.signin.KeyringTokenStore;
import dev.mailwizard.signin.RegistrationsFile;
import dev.mailwizard.signin.TokenRefresher;
import dev.mailwizard.signin.TokenStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code mailwizard oauth2 token ADDRESS}: a fresh access token on stdout (one line, nothing else)
 * from the refresh token in the OS keyring, for mail programs that run a command for their secret.
 */
@Command(name = "token", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Prints a fresh OAuth2 access token for ADDRESS (one line on standard output) from the sign-in remembered with"
                + " 'probe ADDRESS --oauth2 --oauth2-remember'.",
        footer = {"", "For mail programs that run a command for their secret:",
                "  msmtp:   passwordeval \"mailwizard oauth2 token ADDRESS\"",
                "  NeoMutt: set smtp_oauth_refresh_command = \"mailwizard oauth2 token ADDRESS\"",
                "Exit codes: 0 printed, 1 keyring or authorization server not usable,",
                "2 nothing remembered (or bad input), 3 refresh token refused (sign in again)."})
public final class OAuth2TokenCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ADDRESS", description = "the address (or login) the sign-in was remembered for")
    String address;

    @Option(names = "--oauth2-config", paramLabel = "FILE", description = "OAuth2 client registrations, for a client secret (default: oauth2.json in the MailWizard config folder)")
    Path oauth2Config;

    @Option(names = "--trust-ca", paramLabel = "FILE", description = "also trust the PEM certificate(s) in FILE for the token endpoint (repeatable)")
    List<Path> trustCa = new ArrayList<>();

    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    /** Tests replace the OS keyring (null: the real one). */
    TokenStore tokenStore;

    @Override
    public Integer call() {
        String account = OAuth2Command.account(address);
        List<X509Certificate> cas = new ArrayList<>();
        for (Path file : trustCa) {
            cas.addAll(UsageException.orUsage(() -> TrustMaterial.readPem(file)));
        }
        RegistrationsFile registrations = SignInStep.registrations(oauth2Config != null ? oauth2Config : RegistrationsFile.defaultPath(),
                oauth2Config != null);
        FreshToken fresh = new TokenRefresher(tokenStore != null ? tokenStore : new KeyringTokenStore(), registrations, cas).fresh(account);
        if (fresh instanceof FreshToken.Issued issued) {
            char[] token = issued.accessToken();
            stdout.println(token);
            stdout.flush();
            Arrays.fill(token, '\0');
            if (issued.warning() != null) {
                stderr.println("mailwizard oauth2 token: " + issued.warning());
            }
            return ExitCodes.WORKING;
        }
        String message;
        int exit;
        if (fresh instanceof FreshToken.NothingStored n) {
            message = n.message();
            exit = ExitCodes.USAGE;
        } else if (fresh instanceof FreshToken.Refused r) {
            message = r.message();
            exit = ExitCodes.LOGIN_REJECTED;
        } else {
            message = ((FreshToken.Failed) fresh).message();
            exit = ExitCodes.NOTHING_SECURE;
        }
        stderr.println("mailwizard oauth2 token: " + MailWizardCommand.oneLine(message));
        return exit;
    }
}
