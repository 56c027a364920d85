package dev.mailwizard.ui.testing;

import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.Credentials;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;
import dev.mailwizard.model.ServerCandidate;
import dev.mailwizard.probe.AddressResolver;
import dev.mailwizard.probe.PlannedProbe;
import dev.mailwizard.probe.PortMatrix;
import dev.mailwizard.model.DeclinedService;
import dev.mailwizard.probe.ProbeJob;
import dev.mailwizard.probe.ProbeListener;
import dev.mailwizard.probe.ProbeOptions;
import dev.mailwizard.probe.ProbeReport;
import dev.mailwizard.probe.ProbeRequest;
import dev.mailwizard.probe.ProbeResult;
import dev.mailwizard.probe.Phase;
import dev.mailwizard.probe.TrustMaterial;
import dev.mailwizard.ui.Messages;
import dev.mailwizard.ui.ServerRow;
import dev.mailwizard.ui.WizardState;
import dev.mailwizard.ui.task.TaskHandle;
import dev.mailwizard.ui.task.TaskRunner;
import dev.mailwizard.ui.task.UiDispatcher;

import java.time.Duration;
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
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Testing step: runs the same probe engine as the CLI in the background and turns its
 * progress events into a live matrix. Cancel stops every probe at once.
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
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private TaskHandle task;
    private int done;

    public TestingViewModel(WizardState state, TaskRunner runner, UiDispatcher ui) {
        this.state = state;
        this.runner = runner;
        this.ui = ui;
    }

    /** Starts a run over the enabled servers; the matrix fills as probes progress. */
    public void start() {
        if (running.get()) {
            return;
        }
        List<PlannedProbe> plan = plan();
        Map<Endpoint, MatrixRow> byEndpoint = new LinkedHashMap<>();
        plan.forEach(p -> byEndpoint.put(p.endpoint(), new MatrixRow(p.endpoint())));
        reset(byEndpoint.values(), plan.size());
        // Read the inputs here, on the UI thread; build the slow parts (trust store) off it.
        ProbeRequest request = request(plan);
        List<ServerCandidate> candidates = candidates(plan);
        java.util.function.Supplier<TrustMaterial> base = state.baseTrustSupplier();
        java.nio.file.Path extraCa = state.extraCaProperty().get();
        Set<String> pins = Set.copyOf(state.pins());
        List<DeclinedService> declined = List.copyOf(state.declinedServices());
        dev.mailwizard.model.Provider provider = state.provider();
        AddressResolver resolver;
        try {
            resolver = new AddressResolver(state.hostMappings());
        } catch (IllegalArgumentException e) {
            running.set(false);
            status.set(e.getMessage());
            return;
        }
        ProbeListener listener = listener(byEndpoint, plan.size());
        task = runner.run(cancellation -> {
            ProbeJob job = new ProbeJob(request, candidates, plan, trust(base, extraCa, pins), resolver, listener)
                    .withDeclinedServices(declined).withProvider(provider);
            cancellation.onCancel(job::cancel);
            return job.run();
        }, this::completed, error -> {
            running.set(false);
            status.set(Messages.get("testing.failed", String.valueOf(error.getMessage())));
        });
    }

    private void reset(java.util.Collection<MatrixRow> matrix, int probes) {
        rows.setAll(matrix);
        done = 0;
        progress.set(0);
        finished.set(false);
        cancelled.set(false);
        running.set(true);
        status.set(Messages.get("testing.running", probes, state.timeoutSecondsProperty().get()));
        state.reportProperty().set(null);
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
        status.set(report.cancelled() ? Messages.get("testing.cancelled")
                : Messages.get("testing.done", report.probes().size(), working, report.elapsedMs() / 1000.0));
    }

    /** Stops all probes now; the matrix shows what finished, the rest ends as SKIPPED. */
    public void cancel() {
        if (!running.get()) {
            return;
        }
        status.set(Messages.get("testing.cancelling"));
        if (task != null) {
            task.cancel();
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
                        source.words()));
            }
        }
        return List.copyOf(byHost.values());
    }

    private ProbeRequest request(List<PlannedProbe> plan) {
        String password = state.passwordProperty().get();
        Credentials credentials = password == null || password.isEmpty() ? null
                : new Credentials(state.effectiveLogin(), password.toCharArray());
        ProbeOptions options = new ProbeOptions(Duration.ofSeconds(state.timeoutSecondsProperty().get()), credentials, false, null,
                state.addressProperty().get().strip());
        boolean plain = plan.stream().anyMatch(p -> p.endpoint().security() == Security.PLAIN);
        // What was asked is what the rows hold: a run without SMTP rows is judged on incoming mail alone.
        List<PortMatrix.PortMode> modes = plan.stream()
                .map(p -> new PortMatrix.PortMode(p.endpoint().protocol(), p.endpoint().port(), p.endpoint().security())).distinct().toList();
        return new ProbeRequest(state.addressProperty().get().strip(), modes, options, plain);
    }

    private static TrustMaterial trust(java.util.function.Supplier<TrustMaterial> base, java.nio.file.Path extraCa, Set<String> pins) {
        TrustMaterial trust = base.get();
        if (extraCa != null) {
            trust = trust.withCaFile(extraCa, TrustMaterial.readPem(extraCa));
        }
        return trust.withPins(pins);
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
}
