package dev.mailwizard.cli;

import dev.mailwizard.discovery.DiscoveryConfig;
import dev.mailwizard.discovery.DiscoveryResult;
import dev.mailwizard.model.Credentials;
import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.probe.ProbeJob;
import dev.mailwizard.probe.ProbeListener;
import dev.mailwizard.probe.ProbeRequest;
import dev.mailwizard.probe.TrustMaterial;
import dev.mailwizard.signin.Browser;
import dev.mailwizard.signin.RegistrationsFile;
import dev.mailwizard.signin.TokenStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code mailwizard probe}: parses and checks the options ({@link ProbeArguments}), reads the
 * password, finds the servers ({@link FoundServers}), then runs one probe job and prints its report.
 */
@Command(name = "probe", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Finds and tests the outgoing (SMTP submission) settings for an e-mail address or a host name.",
        footer = {"", "Exit codes: 0 a secure working configuration, 1 none, 2 bad input, 3 login rejected, 130 cancelled.",
                "The password is never an argument: pipe it in with --password-stdin (an OAuth2 access token with --oauth2-token-stdin)."})
public final class ProbeCommand extends ProbeSettings implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ADDRESS-OR-HOST", description = "e-mail address (alice@example.com) or mail server host name")
    String target;

    @Option(names = "--host", paramLabel = "HOST", description = "test this server (repeatable); skips discovery")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--allow-plain-auth", description = "allow the login check over an unencrypted connection (unsafe)")
    boolean allowPlainAuth;

    @Option(names = "--user", paramLabel = "NAME", description = "login name (default: the address)")
    String user;

    @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
    boolean passwordStdin;

    @Option(names = "--oauth2", description = "sign in with the provider in the browser (OAuth2) instead of a password; needs a registration (see --oauth2-config)")
    boolean oauth2;

    @Option(names = "--oauth2-token-stdin", description = "read an OAuth2 access token from the first line of standard input")
    boolean oauth2TokenStdin;

    @Option(names = "--oauth2-config", paramLabel = "FILE",
            description = "OAuth2 client registrations (default: oauth2.json in the MailWizard config folder, e.g. ~/.config/mailwizard)")
    Path oauth2Config;

    @Option(names = "--oauth2-remember", description = "keep the refresh token in the OS keyring for 'mailwizard oauth2 token' (else nothing is stored)")
    boolean oauth2Remember;

    @Option(names = "--oauth2-wait", paramLabel = "SECONDS", description = "how long to wait for the sign-in in the browser (default 300)")
    String oauth2Wait;

    @Option(names = "--send-test", paramLabel = "TO", description = "after a successful login, send one short test message to TO")
    String sendTest;

    @Option(names = "--no-discovery", description = "use only --host")
    boolean noDiscovery;

    InputStream stdin = System.in;
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    /** Tests and the demo replace the system trust store. */
    TrustMaterial baseTrust;
    /** Tests replace the OS keyring and the browser (null: the real ones). */
    TokenStore tokenStore;
    Browser browser;

    @Override
    public Integer call() {
        ParsedProbe parsed = ProbeArguments.parse(this);
        Credentials credentials = StdinSecret.credentials(parsed, stdin);
        // Read before anything is contacted, so a bad file is bad usage like any other input.
        RegistrationsFile registrations = parsed.secret() != LoginSecret.OAUTH2 ? null
                : SignInStep.registrations(parsed.signIn().registrations(), parsed.signIn().named());
        FoundServers servers = FoundServers.find(parsed, this::discover);
        if (registrations != null && !servers.candidates().isEmpty()) {
            SignInStep.Outcome signedIn = signIn(parsed, registrations, servers);
            if (signedIn instanceof SignInStep.Outcome.Stopped stopped) {
                stderr.println("mailwizard probe: " + MailWizardCommand.oneLine(stopped.message()));
                return stopped.exitCode();
            }
            credentials = ((SignInStep.Outcome.SignedIn) signedIn).credentials();
        }
        // After discovery, as it always was: a port/mode mix that leaves nothing to test is named only now.
        ProbeRequest request = parsed.request(credentials);
        TrustMaterial trust = parsed.settings().trust(baseTrust != null ? baseTrust : TrustMaterial.system());
        ProbeJob job = servers.job(request, trust, parsed.settings().resolver(),
                planned -> Terminal.interactive() ? new ProgressPrinter(stderr, planned) : ProbeListener.NONE);
        return JobRunner.run(job, output.json, output.transcript, stdout);
    }

    /** The --oauth2 step, once discovery has named the servers. */
    private SignInStep.Outcome signIn(ParsedProbe parsed, RegistrationsFile registrations, FoundServers servers) {
        parsed.settings().ports().modes(); // a port/mode mix that leaves nothing to test is named before the browser opens
        // Endpoints and scopes the registration leaves out come from the provider discovery named (same issuer only).
        return new SignInStep(parsed, registrations, tokenStore, browser, stderr).run(servers.candidates(), servers.provider());
    }

    private DiscoveryResult discover(EmailAddress address, DiscoveryConfig config) {
        if (Terminal.interactive() && !output.json) {
            stderr.println("Looking for " + address.displayDomain() + "'s mail servers (DNS SRV, autoconfig, ISPDB, MX, guessing)...");
        }
        return FoundServers.STANDARD.run(address, config);
    }
}
