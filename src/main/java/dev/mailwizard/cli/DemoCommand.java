package dev.mailwizard.cli;

import dev.mailwizard.demo.DemoServers;
import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.Credentials;
import dev.mailwizard.model.ServerCandidate;
import dev.mailwizard.probe.AddressResolver;
import dev.mailwizard.probe.PlannedProbe;
import dev.mailwizard.probe.PortMatrix;
import dev.mailwizard.probe.ProbeJob;
import dev.mailwizard.probe.ProbeListener;
import dev.mailwizard.probe.ProbeOptions;
import dev.mailwizard.probe.ProbeRequest;
import dev.mailwizard.probe.TrustMaterial;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code mailwizard demo}: the whole report against in-process servers, no account or network needed. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Starts demo mail servers on this computer (a good SSL/TLS one, a good STARTTLS one, one with STARTTLS stripped, a tarpit, one with a self-signed certificate, and an IMAP server) and probes them: the whole report with no account and no network.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--timeout", paramLabel = "SECONDS", description = "deadline for each probe (default 3, so the tarpit ends soon)")
    String timeout = "3";

    @picocli.CommandLine.Mixin
    OutputOptions output = new OutputOptions();

    PrintStream stdout = System.out;
    PrintStream stderr = System.err;

    @Override
    public Integer call() {
        var deadline = OptionValues.timeout(timeout);
        try (DemoServers demo = DemoServers.start()) {
            if (!output.json) {
                stderr.println("Demo servers are listening on 127.0.0.1; probing them as " + DemoServers.ADDRESS + " ...");
            }
            Credentials credentials = new Credentials(DemoServers.ADDRESS, demo.password());
            ProbeOptions options = new ProbeOptions(deadline, credentials, false, null, DemoServers.ADDRESS);
            List<ServerCandidate> candidates = demo.endpoints().stream()
                    .map(e -> new ServerCandidate(e.protocol(), e.host(), e.port(), e.security(), CandidateSource.USER, true, "demo server"))
                    .toList();
            List<PlannedProbe> plan = demo.endpoints().stream().map(e -> new PlannedProbe(e, true)).toList();
            ProbeRequest request = new ProbeRequest(DemoServers.ADDRESS, PortMatrix.DEFAULT, options, false);
            ProbeListener progress = Terminal.interactive() ? new ProgressPrinter(stderr, plan.size()) : ProbeListener.NONE;
            ProbeJob job = new ProbeJob(request, candidates, plan, TrustMaterial.only(List.of(demo.caCertificate())),
                    new AddressResolver(demo.mappings()), progress);
            return JobRunner.run(job, output.json, output.transcript, stdout);
        }
    }
}
