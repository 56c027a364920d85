package dev.mailwizard.ui.testing;

import dev.mailwizard.model.AppLanguage;
import dev.mailwizard.model.AuthMethod;
import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.Credentials;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.ServerCandidate;
import dev.mailwizard.probe.LoginStatus;
import dev.mailwizard.probe.Phase;
import dev.mailwizard.probe.PlannedProbe;
import dev.mailwizard.probe.ProbeJob;
import dev.mailwizard.probe.ProbeListener;
import dev.mailwizard.probe.ProbeReport;
import dev.mailwizard.probe.ProbeResult;
import dev.mailwizard.signin.SignInResult;
import dev.mailwizard.ui.HeldToken;
import dev.mailwizard.ui.Messages;
import dev.mailwizard.ui.SaidText;
import dev.mailwizard.ui.ServerRow;
import dev.mailwizard.ui.SignInSupport;
import dev.mailwizard.ui.WizardState;
import dev.mailwizard.ui.task.Cancellation;
import dev.mailwizard.ui.task.TaskHandle;
import dev.mailwizard.ui.task.TaskRunner;
import dev.mailwizard.ui.task.UiDispatcher;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Testing step: runs the same probe engine as the CLI in the background and turns its
 * progress events into a live matrix. Cancel stops every probe at once. A run for an account that
 * signs in in the browser signs in first ({@link RunSignIn}); Cancel then ends the wait.
 */
public final class TestingViewModel {
    private final WizardState state;
    private final TaskRunner runner;
    private final UiDispatcher ui;
    private final ObservableList<MatrixRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper cancelled = new ReadOnlyBooleanWrapper(false);
    private final SaidText status = new SaidText();
    private final ReadOnlyObjectWrapper<URI> signInUrl = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper signInNote = new ReadOnlyStringWrapper("");
    private final SignInSupport signIn;
    private TaskHandle task;
    private int done;
    /** The window closed: a run still ending keeps no token. */
    private boolean closed;

    /** How a run ended: probed (after signing in, when chosen), or stopped at the sign-in. */
    private sealed interface RunEnd {
        /** @param freshToken a new sign-in's tokens for the window to keep, or null */
        record Probed(ProbeReport report, HeldToken freshToken, String signInNote) implements RunEnd {
        }

        record NotSignedIn(String whose, SignInResult result) implements RunEnd {
        }
    }

    /** Without sign-in registrations: every run uses the password (if any). */
    public TestingViewModel(WizardState state, TaskRunner runner, UiDispatcher ui) {
        this(state, runner, ui, SignInSupport.none());
    }

    /** @param signIn what a run that signs in in the browser uses (registrations, browser, token store) */
    public TestingViewModel(WizardState state, TaskRunner runner, UiDispatcher ui, SignInSupport signIn) {
        this.state = state;
        this.runner = runner;
        this.ui = ui;
        this.signIn = signIn;
    }

    /**
     * Starts a run over the enabled servers; the matrix fills as probes progress. When the person
     * chose to sign in in the browser, the run signs in first and logs in with the access token.
     */
    public void start() {
        if (running.get()) {
            return;
        }
        List<PlannedProbe> plan = plan();
        // Read the inputs here, on the UI thread; build the slow parts (trust store) off it.
        List<ServerCandidate> candidates = candidates(plan);
        ProbeInputs inputs;
        try {
            inputs = ProbeInputs.read(state, plan, candidates);
        } catch (IllegalArgumentException e) {
            stopBeforeRun(e.getMessage());
            return;
        }
        RunSignIn runSignIn = null;
        if (signIn.chosenFor(state)) {
            RunSignIn.Plan prepared = RunSignIn.prepare(signIn, state, signInHosts(candidates));
            if (prepared instanceof RunSignIn.Plan.Impossible impossible) {
                stopBeforeRun(impossible.message());
                return;
            }
            runSignIn = ((RunSignIn.Plan.Ready) prepared).signIn();
        }
        Map<Endpoint, MatrixRow> byEndpoint = new LinkedHashMap<>();
        plan.forEach(p -> byEndpoint.put(p.endpoint(), new MatrixRow(p.endpoint())));
        reset(byEndpoint.values(), plan.size());
        ProbeListener listener = listener(byEndpoint, plan.size());
        if (runSignIn == null) {
            Credentials password = passwordCredentials();
            task = runner.run(cancellation -> probe(inputs.job(password, listener), cancellation, null, ""), this::ended, this::failed);
            return;
        }
        RunSignIn signingIn = runSignIn;
        status.say(() -> signingIn.reusesEarlier() ? Messages.get("testing.signin.reused", signingIn.whose(), plan.size(), inputs.timeout().toSeconds())
                : signingIn.waitingText());
        task = runner.run(cancellation -> signInAndProbe(signingIn, inputs, listener, cancellation), this::ended, this::failed);
    }

    /** On the task's thread: the sign-in, then the probes with its token (wiped afterwards). */
    private RunEnd signInAndProbe(RunSignIn signingIn, ProbeInputs inputs, ProbeListener listener, Cancellation cancellation) {
        RunSignIn.Outcome outcome = signingIn.run(cancellation, url -> ui.dispatch(() -> signInUrl.set(url)));
        if (outcome instanceof RunSignIn.Outcome.NotSignedIn notSignedIn) {
            return new RunEnd.NotSignedIn(signingIn.whose(), notSignedIn.result());
        }
        RunSignIn.Outcome.SignedIn signedIn = (RunSignIn.Outcome.SignedIn) outcome;
        if (signedIn.fresh() != null) {
            ui.dispatch(() -> {
                signInUrl.set(null);
                status.say(() -> Messages.get("testing.running", inputs.plan().size(), inputs.timeout().toSeconds()));
            });
        }
        try {
            return probe(inputs.job(signedIn.credentials(), listener), cancellation, signedIn.fresh(), signedIn.note());
        } catch (RuntimeException e) {
            if (signedIn.fresh() != null) {
                signedIn.fresh().wipe();
            }
            throw e;
        } finally {
            signedIn.credentials().wipe();
        }
    }

    private static RunEnd probe(ProbeJob job, Cancellation cancellation, HeldToken freshToken, String signInNote) {
        cancellation.onCancel(job::cancel);
        return new RunEnd.Probed(job.run(), freshToken, signInNote);
    }

    private void failed(Throwable error) {
        running.set(false);
        signInUrl.set(null);
        status.say(() -> Messages.get("testing.failed", String.valueOf(error.getMessage())));
    }

    private void reset(java.util.Collection<MatrixRow> matrix, int probes) {
        rows.setAll(matrix);
        done = 0;
        progress.set(0);
        finished.set(false);
        cancelled.set(false);
        running.set(true);
        signInUrl.set(null);
        signInNote.set("");
        status.say(() -> Messages.get("testing.running", probes, state.timeoutSecondsProperty().get()));
        state.reportProperty().set(null);
    }

    /** Nothing can run (a host mapping is wrong, no registration is for these servers): says why; Next stays off. */
    private void stopBeforeRun(String why) {
        rows.clear();
        progress.set(0);
        finished.set(false);
        cancelled.set(false);
        signInNote.set("");
        state.reportProperty().set(null);
        status.set(why);
    }

    /** The servers' names in the order a registration is looked for: the trusted ones first, as the command line does. */
    private static List<String> signInHosts(List<ServerCandidate> candidates) {
        return candidates.stream().sorted(java.util.Comparator.comparing(c -> !c.trusted())).map(ServerCandidate::host).distinct().toList();
    }

    private void ended(RunEnd end) {
        signInUrl.set(null);
        if (end instanceof RunEnd.NotSignedIn notSignedIn) {
            running.set(false);
            boolean wasCancelled = notSignedIn.result() instanceof SignInResult.Cancelled;
            cancelled.set(wasCancelled);
            status.say(() -> wasCancelled ? Messages.get("testing.signin.cancelled")
                    : Messages.get("testing.signin.failed", notSignedIn.whose(), notSignedIn.result().message()));
            return;
        }
        RunEnd.Probed probed = (RunEnd.Probed) end;
        if (probed.freshToken() != null) {
            if (closed) {
                probed.freshToken().wipe();
            } else {
                state.holdToken(probed.freshToken());
            }
        }
        if (tokenRefused(probed.report())) {
            state.holdToken(null); // a refused token is not tried again
        }
        signInNote.set(probed.signInNote());
        completed(probed.report());
    }

    private static boolean tokenRefused(ProbeReport report) {
        return report.probes().stream().map(ProbeResult::login).anyMatch(l -> l != null && l.method() == AuthMethod.OAUTH2
                && l.result() == LoginStatus.REJECTED);
    }

    /** Probe events arrive on probe threads; each becomes a small update on the UI thread. */
    private ProbeListener listener(Map<Endpoint, MatrixRow> byEndpoint, int probes) {
        return new ProbeListener() {
            @Override
            public void phase(Endpoint endpoint, Phase phase) {
                ui.dispatch(() -> byEndpoint.get(endpoint).phaseStarted(phase));
            }

            @Override
            public void finished(ProbeResult result) {
                ui.dispatch(() -> {
                    byEndpoint.get(result.endpoint()).finished(result);
                    done++;
                    progress.set((double) done / probes);
                });
            }
        };
    }

    private void completed(ProbeReport report) {
        running.set(false);
        progress.set(1);
        state.reportProperty().set(report);
        cancelled.set(report.cancelled());
        finished.set(!report.cancelled());
        long working = report.probes().stream().filter(p -> p.outcome().secureAndWorking()).count();
        status.say(() -> report.cancelled() ? Messages.get("testing.cancelled")
                : Messages.get("testing.done", report.probes().size(), working, report.elapsedMs() / 1000.0));
    }

    /** Stops all probes now (or the wait for the browser's sign-in); the matrix shows what finished, the rest ends as SKIPPED. */
    public void cancel() {
        if (!running.get()) {
            return;
        }
        status.say(() -> Messages.get("testing.cancelling"));
        if (task != null) {
            task.cancel();
        }
    }

    /** The window closed: cancels the run, and a sign-in that still ends keeps no token. */
    public void close() {
        closed = true;
        cancel();
    }

    /** Opens the sign-in page in the browser again (while the sign-in waits for it). */
    public void openSignInAgain() {
        URI url = signInUrl.get();
        if (url != null) {
            signIn.browser().show(url);
        }
    }

    List<PlannedProbe> plan() {
        Set<Endpoint> seen = new LinkedHashSet<>();
        List<PlannedProbe> plan = new ArrayList<>();
        for (ServerRow r : state.servers()) {
            if (r.enabledProperty().get() && r.problem() == null && seen.add(r.toEndpoint())) {
                plan.add(new PlannedProbe(r.toEndpoint(), r.trustedProperty().get()));
            }
        }
        return plan;
    }

    private List<ServerCandidate> candidates(List<PlannedProbe> plan) {
        Map<String, ServerCandidate> byHost = new LinkedHashMap<>();
        for (ServerRow r : state.servers()) {
            String host = r.toEndpoint().host();
            String key = r.protocolProperty().get() + " " + host;
            if (r.enabledProperty().get() && !byHost.containsKey(key)) {
                CandidateSource source = r.sourceProperty().get();
                byHost.put(key, new ServerCandidate(r.protocolProperty().get(), host, null, null, source, r.trustedProperty().get(),
                        source.words(AppLanguage.current())));
            }
        }
        return List.copyOf(byHost.values());
    }

    /** The password typed, as the login's secret; null without one. */
    private Credentials passwordCredentials() {
        String password = state.passwordProperty().get();
        return password == null || password.isEmpty() ? null : new Credentials(state.effectiveLogin(), password.toCharArray());
    }

    /** The live matrix, one row per endpoint (the table may sort it). */
    public ObservableList<MatrixRow> rows() {
        return rows;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True once a run ended without being cancelled: what Next waits for. */
    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancelledProperty() {
        return cancelled.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The provider's sign-in page while the run waits for the browser, to copy or open again; else null. */
    public ReadOnlyObjectProperty<URI> signInUrlProperty() {
        return signInUrl.getReadOnlyProperty();
    }

    /** What became of "remember this sign-in" in the last run; empty when nothing needs saying. */
    public ReadOnlyStringProperty signInNoteProperty() {
        return signInNote.getReadOnlyProperty();
    }
}
