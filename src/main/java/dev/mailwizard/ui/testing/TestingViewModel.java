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
import dev.mailwizard.ui.WizardState;
import dev.mailwizard.ui.servers.ServerRow;
import dev.mailwizard.ui.task.TaskRunner;
import dev.mailwizard.ui.task.UiDispatcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
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
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final BooleanProperty finished = new SimpleBooleanProperty(false);
    private final BooleanProperty cancelled = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("");
    private volatile ProbeJob job;
    private volatile boolean cancelRequested;
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
        rows.setAll(byEndpoint.values());
        done = 0;
        progress.set(0);
        finished.set(false);
        cancelled.set(false);
        running.set(true);
        status.set(Messages.get("testing.running", plan.size(), state.timeoutSecondsProperty().get()));
        state.reportProperty().set(null);

        ProbeListener listener = new ProbeListener() {
            @Override
            public void phase(Endpoint endpoint, Phase phase) {
                ui.dispatch(() -> byEndpoint.get(endpoint).phaseStarted(phase));
            }

            @Override
            public void finished(ProbeResult result) {
                ui.dispatch(() -> {
                    byEndpoint.get(result.endpoint()).finished(result);
                    done++;
                    progress.set((double) done / plan.size());
                });
            }
        };
        ProbeRequest request = request(plan);
        List<ServerCandidate> candidates = candidates(plan);
        // Read the inputs here, on the UI thread; build the slow parts (trust store) off it.
        java.util.function.Supplier<TrustMaterial> base = state.baseTrustSupplier();
        java.nio.file.Path extraCa = state.extraCaProperty().get();
        Set<String> pins = Set.copyOf(state.pins());
        List<DeclinedService> declined = List.copyOf(state.declinedServices());
        AddressResolver resolver;
        try {
            resolver = new AddressResolver(state.hostMappings());
        } catch (IllegalArgumentException e) {
            running.set(false);
            status.set(e.getMessage());
            return;
        }
        cancelRequested = false;
        runner.run(() -> {
            ProbeJob created = new ProbeJob(request, candidates, plan, trust(base, extraCa, pins), resolver, listener)
                    .withDeclinedServices(declined);
            job = created;
            if (cancelRequested) {
                created.cancel();
            }
            return created.run();
        }, this::completed, error -> {
            running.set(false);
            status.set(Messages.get("testing.failed", String.valueOf(error.getMessage())));
        });
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

    /** Stops all probes now; the matrix shows what finished. */
    public void cancel() {
        if (!running.get()) {
            return;
        }
        status.set(Messages.get("testing.cancelling"));
        cancelRequested = true;
        ProbeJob j = job;
        if (j != null) {
            j.cancel();
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
            trust = trust.withExtraCas(TrustMaterial.readPem(extraCa));
        }
        return trust.withPins(pins);
    }

    public ObservableList<MatrixRow> rows() {
        return rows;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public BooleanProperty finishedProperty() {
        return finished;
    }

    public BooleanProperty cancelledProperty() {
        return cancelled;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
