package dev.mailwizard.cli;

import dev.mailwizard.discovery.DiscoveryConfig;
import dev.mailwizard.discovery.DiscoveryResult;
import dev.mailwizard.model.Credentials;
import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.probe.ProbeJob;
import dev.mailwizard.probe.ProbeListener;
import dev.mailwizard.probe.ProbeRequest;
import dev.mailwizard.probe.TrustMaterial;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.InputStream;
import java.io.PrintStream;
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
                "The password is never an argument: pipe it in with --password-stdin."})
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

    @Option(names = "--send-test", paramLabel = "TO", description = "after a successful login, send one short test message to TO")
    String sendTest;

    @Option(names = "--no-discovery", description = "use only --host")
    boolean noDiscovery;

    InputStream stdin = System.in;
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    /** Tests and the demo replace the system trust store. */
    TrustMaterial baseTrust;

    @Override
    public Integer call() {
        ParsedProbe parsed = ProbeArguments.parse(this);
        Credentials credentials = parsed.passwordFromStdin()
                ? new Credentials(parsed.login(), StdinSecret.read(stdin, "--password-stdin")) : null;
        FoundServers servers = FoundServers.find(parsed, this::discover);
        // After discovery, as it always was: a port/mode mix that leaves nothing to test is named only now.
        ProbeRequest request = parsed.request(credentials);
        TrustMaterial trust = parsed.settings().trust(baseTrust != null ? baseTrust : TrustMaterial.system());
        ProbeJob job = servers.job(request, trust, parsed.settings().resolver(),
                planned -> Terminal.interactive() ? new ProgressPrinter(stderr, planned) : ProbeListener.NONE);
        return JobRunner.run(job, output.json, output.transcript, stdout);
    }

    private DiscoveryResult discover(EmailAddress address, DiscoveryConfig config) {
        if (Terminal.interactive() && !output.json) {
            stderr.println("Looking for " + address.displayDomain() + "'s mail servers (DNS SRV, autoconfig, ISPDB, MX, guessing)...");
        }
        return FoundServers.STANDARD.run(address, config);
    }
}
