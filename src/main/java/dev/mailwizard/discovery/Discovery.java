package dev.mailwizard.discovery;

import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.ServerCandidate;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Finds candidate servers for an address: DNS SRV, the provider's autoconfig file, the ISPDB,
 * the MX-derived provider, and guessing, in that priority, all at once (see {@link PriorityRunner}).
 * Hosts the user typed skip discovery ({@link #typed}).
 */
public final class Discovery {
    private final List<CandidateFinder> finders;
    private final DiscoveryConfig config;

    public Discovery(List<CandidateFinder> finders, DiscoveryConfig config) {
        this.finders = List.copyOf(finders);
        this.config = config;
    }

    /** Guessing only: no network. */
    public static Discovery guessOnly() {
        return new Discovery(List.of(new GuessFinder()), DiscoveryConfig.defaults());
    }

    /** All five sources, in priority order. */
    public static Discovery standard(DiscoveryConfig config) {
        DnsClient dns = new DnsClient(config.dnsServer(), config.dnsTimeout());
        ConfigFileFetcher files = new ConfigFileFetcher(new HttpFetcher(config.mappings(), config.extraCas(), config.httpTimeout()));
        IspdbFinder ispdb = new IspdbFinder(files, config.ispdb());
        return new Discovery(List.of(
                new SrvFinder(dns),
                new AutoconfigFinder(files, config),
                ispdb,
                new MxFinder(dns, files, ispdb, config),
                new GuessFinder()), config);
    }

    /** The finder of one source (for tests and diagnostics). */
    public CandidateFinder finderFor(CandidateSource source) {
        return finders.stream().filter(f -> f.source() == source).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no finder for " + source));
    }

    /** Candidates for hosts typed by the user: trusted, no discovery. */
    public static List<ServerCandidate> typed(List<String> hosts) {
        return typed(hosts, false);
    }

    /** The same, for IMAP and POP3 too when {@code incoming}: one server usually does both. */
    public static List<ServerCandidate> typed(List<String> hosts, boolean incoming) {
        List<ServerCandidate> out = new java.util.ArrayList<>();
        for (Protocol p : incoming ? List.of(Protocol.SMTP, Protocol.IMAP, Protocol.POP3) : List.of(Protocol.SMTP)) {
            hosts.forEach(h -> out.add(new ServerCandidate(p, h, null, null, CandidateSource.USER, true, "typed by you")));
        }
        return out;
    }

    /** Runs every source and waits (at most the config's overall deadline) for the result. */
    public DiscoveryResult discover(EmailAddress address) {
        ExecutorService pool = Executors.newCachedThreadPool(daemon());
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon());
        try {
            PriorityRunner runner = new PriorityRunner(pool, (task, delay) -> timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS),
                    System::currentTimeMillis);
            return runner.run(finders, address, config.overallDeadline()).join();
        } finally {
            pool.shutdownNow();
            timer.shutdownNow();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "discovery");
            t.setDaemon(true);
            return t;
        };
    }
}
