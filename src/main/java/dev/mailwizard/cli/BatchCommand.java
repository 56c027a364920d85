package dev.mailwizard.cli;

import dev.mailwizard.probe.ProbeJob;
import dev.mailwizard.probe.ProbeListener;
import dev.mailwizard.probe.TrustMaterial;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code mailwizard batch FILE}: one probe per line (addresses or host names, {@code #} comments),
 * several at once, results in input order as JSON Lines (or one summary line each), progress on
 * stderr. A bad line is reported in its place; Ctrl-C cancels what runs, writes what finished and
 * exits 130.
 */
@Command(name = "batch", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Probes many addresses or domains (one a line, # comments) and writes one report a line, in input order.",
        footer = {"", "With --json: one JSON report a line (JSON Lines), with input, line and verdict added.",
                "Exit codes: 0 every line works, 1 some do not (or a line was bad), 2 bad options or FILE,",
                "130 cancelled (what finished was written).",
                "Example: mailwizard batch accounts.txt --json --concurrency 8 > results.jsonl"})
public final class BatchCommand extends ProbeSettings implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "one address or host name a line ('-' reads standard input)")
    String file;

    @Option(names = "--concurrency", paramLabel = "N", description = "how many lines to test at once (default 8, at most 64)")
    int concurrency = 8;

    @Option(names = "--item-timeout", paramLabel = "SECONDS",
            description = "deadline for one line, discovery and every probe together (default: twice --timeout plus 5)")
    String itemTimeout;

    InputStream stdin = System.in;
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    TrustMaterial baseTrust;

    @Override
    public Integer call() {
        if (concurrency < 1 || concurrency > 64) {
            throw new UsageException("--concurrency " + concurrency + " must be between 1 and 64");
        }
        Duration probeTimeout = OptionValues.timeout(timeout);
        Duration perItem = itemTimeout == null ? probeTimeout.multipliedBy(2).plusSeconds(5) : parseItemTimeout(itemTimeout);
        List<BatchItem> items = readItems();
        // Options are checked once, before anything is contacted; the trust store is read once for all lines.
        ParsedSettings settings = ProbeArguments.settings(this);
        settings.ports().modes(); // a --port/--security mix that leaves nothing to test is named here, not on every line
        TrustMaterial trust = settings.trust(baseTrust != null ? baseTrust : TrustMaterial.system());

        BatchOutput out = new BatchOutput(items, output.json, output.transcript, stdout);
        BatchProgress progress = new BatchProgress(stderr, items.size(), Terminal.interactive());
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, daemon("batch-item"));
        ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(daemon("batch-deadline"));
        BatchRunner runner = new BatchRunner(pool, timer(deadlines), concurrency, perItem, result -> {
            out.complete(result.item().index(), result);
            progress.done(result.working());
        });
        Interrupts.onInterrupt(runner::cancel);
        awaitEnd(runner, runner.run(items, item -> BatchRunner.Job.of(lineJob(item, settings, trust))), progress);
        pool.shutdown();
        deadlines.shutdownNow();
        progress.finish(runner.cancelled());
        out.flushFinished();
        if (runner.cancelled()) {
            return ExitCodes.CANCELLED;
        }
        return out.allWorking() ? ExitCodes.WORKING : ExitCodes.NOTHING_SECURE;
    }

    /** Waits for the last line, refreshing the progress line (rate, time left) every 200 ms. */
    private static void awaitEnd(BatchRunner runner, Future<?> end, BatchProgress progress) {
        while (true) {
            try {
                end.get(200, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                progress.tick();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                runner.cancel(); // stop waiting: what finished is written, as after Ctrl-C
                return;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause()); // not expected: a line's failure is its result
            }
        }
    }

    private static BatchRunner.Timer timer(ScheduledExecutorService executor) {
        return (task, delay) -> {
            ScheduledFuture<?> f = executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
            return () -> f.cancel(false);
        };
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** A line is tested as {@code probe LINE} would be: a host as typed, an address through discovery. */
    private static ProbeJob lineJob(BatchItem item, ParsedSettings settings, TrustMaterial trust) {
        ParsedProbe line = ParsedProbe.of(ParsedProbe.Target.parse(item.text()), settings);
        FoundServers servers = FoundServers.find(line, FoundServers.STANDARD);
        return servers.job(line.request(null), trust, settings.resolver(), planned -> ProbeListener.NONE);
    }

    private List<BatchItem> readItems() {
        String text;
        try {
            text = "-".equals(file) ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8) : Files.readString(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new UsageException("FILE '" + file + "' does not exist");
        } catch (IOException e) {
            throw new UsageException("FILE '" + file + "' cannot be read: " + MailWizardCommand.oneLine(e.getMessage()));
        }
        List<BatchItem> items = BatchItem.parse(text);
        if (items.isEmpty()) {
            throw new UsageException("FILE '" + file + "' has no addresses or host names (one a line; # starts a comment)");
        }
        return items;
    }

    private static Duration parseItemTimeout(String value) {
        try {
            BigDecimal s = new BigDecimal(value.strip());
            if (s.signum() <= 0 || s.compareTo(BigDecimal.valueOf(3600)) > 0) {
                throw new UsageException("--item-timeout '" + value + "' must be more than 0 and at most 3600 seconds");
            }
            return Duration.ofMillis(s.movePointRight(3).longValue());
        } catch (NumberFormatException e) {
            throw new UsageException("--item-timeout '" + value + "' is not a number of seconds (e.g. 30)");
        }
    }
}
