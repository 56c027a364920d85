package dev.mailwizard.probe;

import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a plan of probes in parallel. Each probe gets its own wall-clock deadline; a timer ends any
 * probe that is still running shortly after it (whatever it is stuck in); {@link #cancel()} ends
 * them all at once. A probe whose port has shown it speaks the other way ({@link PortSpeech}) ends
 * at once as SKIPPED. Results come back in plan order.
 */
public final class ProbeRun {
    /**
     * Time between probe starts to one host, so a server does not see all connections in the same
     * instant; different hosts start together. 25 ms keeps a 5-port matrix within 0.1 s of the
     * slowest probe (the benchmarks measured 100 ms as the main cost over one probe).
     */
    static final Duration STAGGER = Duration.ofMillis(25);
    /** How long after its deadline a probe that has not ended is ended from outside. */
    private static final Duration GRACE = Duration.ofMillis(300);

    /**
     * The probes' threads, shared by every run in the JVM and kept a minute when idle: a batch is
     * thousands of small runs, and a pool started and ended per run cost system CPU (BatchBench:
     * 3.7 -> 2.9-3.5 ms of system time per domain). How many run at once is the plan's business.
     */
    private static final ExecutorService PROBE_THREADS = Executors.newCachedThreadPool(daemon("probe"));

    private final List<PlannedProbe> plan;
    private final ProbeContext ctx;
    private final List<Slot> slots = new ArrayList<>();
    private final List<SocketGuard> guards = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    public ProbeRun(List<PlannedProbe> plan, ProbeOptions options, TrustMaterial trust, AddressResolver resolver, ProbeListener listener) {
        this.plan = List.copyOf(plan);
        this.ctx = new ProbeContext(options, trust, resolver, new LoginGate(plan), new MailSessionFactory(trust),
                Executors.newSingleThreadScheduledExecutor(daemon("probe-timer")), listener, new PortSpeech());
        plan.forEach(p -> slots.add(new Slot()));
    }

    private static final class Slot {
        final CompletableFuture<ProbeResult> result = new CompletableFuture<>();
        final java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
        volatile ProbeRecorder recorder;
    }

    /** Runs every probe and blocks until all have ended; safe to call once. */
    public List<ProbeResult> execute() {
        if (plan.isEmpty()) {
            return List.of();
        }
        ScheduledExecutorService timer = ctx.timer();
        List<java.util.concurrent.Future<?>> started = new CopyOnWriteArrayList<>();
        try {
            java.util.Map<String, Integer> perHost = new java.util.HashMap<>();
            for (int i = 0; i < plan.size(); i++) {
                Slot slot = slots.get(i);
                PlannedProbe planned = plan.get(i);
                int nth = perHost.merge(planned.endpoint().host(), 1, Integer::sum) - 1;
                long startDelay = STAGGER.toMillis() * nth;
                timer.schedule(() -> started.add(PROBE_THREADS.submit(() -> runOne(planned, slot))), startDelay, TimeUnit.MILLISECONDS);
            }
            List<ProbeResult> results = new ArrayList<>();
            for (Slot slot : slots) {
                results.add(slot.result.join());
            }
            return results;
        } finally {
            timer.shutdownNow();
            started.forEach(f -> f.cancel(true)); // a probe still stuck after its slot ended is interrupted, as before
        }
    }

    private void runOne(PlannedProbe planned, Slot slot) {
        ProbeRecorder rec = new ProbeRecorder(planned.endpoint(), method());
        slot.recorder = rec;
        if (cancelled) {
            complete(slot, rec.finish(Outcome.SKIPPED, "cancelled before it started"));
            return;
        }
        Deadline deadline = Deadline.in(ctx.options().timeout());
        SocketGuard guard = new SocketGuard(deadline, ctx.timer());
        Endpoint endpoint = planned.endpoint();
        // The other mode on this port may already have shown what it speaks; if not, it may end this probe later.
        String notNeeded = ctx.ports().join(endpoint, reason -> {
            guard.cancel();
            complete(slot, rec.finish(Outcome.SKIPPED, reason));
        });
        if (notNeeded != null) {
            guard.close();
            ctx.gate().diagnosed(endpoint);
            complete(slot, rec.finish(Outcome.SKIPPED, notNeeded));
            return;
        }
        guards.add(guard);
        // Backstop: if the probe is stuck where closing sockets does not help (a DNS look-up),
        // its result is taken from what it recorded so far.
        var backstop = ctx.timer().schedule(() -> complete(slot, rec.finish(Outcome.TIMEOUT,
                        "no answer within " + ctx.options().timeoutWords() + " (stuck during " + MailProbe.phaseWords(rec.phase()) + ")")),
                deadline.remainingNanos() + GRACE.toNanos(), TimeUnit.NANOSECONDS);
        try {
            if (cancelled) {
                guard.cancel();
            }
            complete(slot, probeFor(planned, deadline, guard, rec).run());
        } finally {
            ctx.ports().leave(endpoint);
            backstop.cancel(false);
            guards.remove(guard);
        }
    }

    /** The first result for a slot wins; listeners hear it before {@link #execute()} can return. */
    private MailProbe probeFor(PlannedProbe planned, Deadline deadline, SocketGuard guard, ProbeRecorder rec) {
        return switch (planned.endpoint().protocol()) {
            case SMTP -> new SmtpProbe(planned.endpoint(), ctx, planned.mayLogin(), deadline, guard, rec);
            case IMAP -> new ImapProbe(planned.endpoint(), ctx, planned.mayLogin(), deadline, guard, rec);
            case POP3 -> new Pop3Probe(planned.endpoint(), ctx, planned.mayLogin(), deadline, guard, rec);
        };
    }

    private void complete(Slot slot, ProbeResult result) {
        if (slot.ended.compareAndSet(false, true)) {
            try {
                ctx.listener().finished(result);
            } finally {
                slot.result.complete(result);
            }
        }
    }

    /** Stops every probe now; probes not yet finished end as SKIPPED. Safe from any thread. */
    public void cancel() {
        cancelled = true;
        guards.forEach(SocketGuard::cancel);
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            ProbeRecorder rec = slot.recorder != null ? slot.recorder : new ProbeRecorder(plan.get(i).endpoint(), method());
            complete(slot, rec.finish(Outcome.SKIPPED, slot.recorder == null ? "cancelled before it started"
                    : "cancelled during " + MailProbe.phaseWords(rec.phase())));
        }
    }

    /** The kind of secret this run logs in with, or null when it has none. */
    private dev.mailwizard.model.AuthMethod method() {
        return ctx.options().credentials() == null ? null : ctx.options().credentials().method();
    }

    public boolean cancelled() {
        return cancelled;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
