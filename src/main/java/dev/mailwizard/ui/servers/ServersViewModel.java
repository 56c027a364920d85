package dev.mailwizard.ui.servers;

import dev.mailwizard.model.AppLanguage;
import dev.mailwizard.demo.DemoServers;
import dev.mailwizard.discovery.Discovery;
import dev.mailwizard.discovery.DiscoveryConfig;
import dev.mailwizard.discovery.DiscoveryResult;
import dev.mailwizard.ui.task.TaskRunner;
import java.util.function.Function;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.ServerCandidate;
import dev.mailwizard.model.Security;
import dev.mailwizard.probe.PortMatrix;
import dev.mailwizard.probe.TrustMaterial;
import dev.mailwizard.ui.Messages;
import dev.mailwizard.ui.SaidText;
import dev.mailwizard.ui.ServerRow;
import dev.mailwizard.ui.WizardState;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;

/**
 * The Servers step: the endpoints to test, each editable, with where it came from; plus the
 * advanced options (extra CA, host mappings, per-probe timeout).
 */
public final class ServersViewModel {
    private final WizardState state;
    private final TaskRunner runner;
    private final Function<WizardState, Discovery> discovery;
    private final ObservableList<ServerRow> rows;
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(false);
    private final SaidText status = new SaidText();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper extraCaText = new ReadOnlyStringWrapper("");

    /**
     * @param discovery makes the discovery to run for the current state (the real five sources in
     *                  the program; guessing only in offline tests)
     */
    public ServersViewModel(WizardState state, TaskRunner runner, Function<WizardState, Discovery> discovery) {
        this.state = state;
        this.runner = runner;
        this.discovery = discovery;
        this.rows = state.servers();
        problem.bind(Bindings.createStringBinding(this::findProblem, rows, state.mappingsProperty(), state.extraCaProperty(),
                state.timeoutSecondsProperty(), searching));
        valid.bind(problem.isNull());
        extraCaText.bind(state.extraCaProperty().map(Path::toString).orElse(""));
    }

    /** The real discovery: DNS SRV, autoconfig, ISPDB, MX and guessing, with the Advanced options. */
    public static Discovery standardDiscovery(WizardState state) {
        List<java.security.cert.X509Certificate> cas = state.extraCaProperty().get() == null ? List.of()
                : dev.mailwizard.probe.TrustMaterial.readPem(state.extraCaProperty().get());
        return Discovery.standard(DiscoveryConfig.defaults().with(null, null, state.hostMappings(), cas));
    }

    /** Fills the list for the address's domain the first time (or when the domain changed). */
    public void prepare() {
        DemoServers demo = state.demoProperty().get();
        if (demo != null) {
            if (!"demo".equals(state.serversFilledFor())) {
                List<ServerRow> list = new ArrayList<>();
                for (Endpoint e : demo.endpoints()) {
                    list.add(new ServerRow(e.protocol(), e.host(), e.port(), e.security(), CandidateSource.USER, true));
                }
                state.servers().setAll(list);
                state.serversFilledFor("demo");
            }
            return;
        }
        EmailAddress address;
        try {
            address = EmailAddress.parse(state.addressProperty().get());
        } catch (IllegalArgumentException e) {
            return;
        }
        if (address.domain().equals(state.serversFilledFor())) {
            return;
        }
        state.serversFilledFor(address.domain());
        state.discoveredProviderProperty().set(null);
        state.servers().clear();
        searching.set(true);
        status.say(() -> Messages.get("servers.searching", address.displayDomain()));
        Discovery d;
        try {
            d = discovery.apply(state);
        } catch (IllegalArgumentException e) {
            d = Discovery.guessOnly();
        }
        Discovery chosen = d;
        runner.run(() -> chosen.discover(address), this::fill, error -> {
            searching.set(false);
            state.serversFilledFor(null);
            status.say(() -> Messages.get("servers.search.failed", String.valueOf(error.getMessage())));
        });
    }

    /** One row per port and mode of the matrix on every SMTP host found, plus ports a source named. */
    private void fill(DiscoveryResult result) {
        List<ServerRow> list = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        // Outgoing first, then incoming: the wizard tests both directions.
        for (dev.mailwizard.model.Protocol protocol : dev.mailwizard.model.Protocol.values()) {
            List<PortMatrix.PortMode> modes = protocol == dev.mailwizard.model.Protocol.SMTP ? PortMatrix.DEFAULT
                    : PortMatrix.INCOMING.stream().filter(m -> m.protocol() == protocol).toList();
            for (ServerCandidate c : result.candidates()) {
                if (c.protocol() != protocol) {
                    continue;
                }
                if (c.port() != null && c.security() != null && seen.add(protocol + ":" + c.host() + ":" + c.port() + ":" + c.security())) {
                    list.add(new ServerRow(protocol, c.host(), c.port(), c.security(), c.source(), c.trusted()));
                }
                for (PortMatrix.PortMode mode : modes) {
                    if (seen.add(protocol + ":" + c.host() + ":" + mode.port() + ":" + mode.security())) {
                        list.add(new ServerRow(protocol, c.host(), mode.port(), mode.security(), c.source(), c.trusted()));
                    }
                }
            }
        }
        state.servers().setAll(list);
        state.declinedServices().setAll(result.declined());
        state.discoveredProviderProperty().set(result.provider().orElse(null));
        searching.set(false);
        long untrusted = list.stream().filter(r -> !r.trustedProperty().get()).count();
        status.say(() -> result.winner() == null ? Messages.get("servers.found.none")
                : Messages.get("servers.found", sourceText(result.winner()), untrusted));
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** What the search found, or that it is still searching. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<ServerRow> rows() {
        return rows;
    }

    /** Adds an empty row for the user to fill (typed by the user: trusted). */
    public ServerRow addRow() {
        String host = rows.isEmpty() ? "" : rows.get(rows.size() - 1).hostProperty().get();
        ServerRow row = new ServerRow(host, 587, Security.STARTTLS, CandidateSource.USER, true);
        rows.add(row);
        return row;
    }

    public void removeRow(ServerRow row) {
        rows.remove(row);
    }

    /** Null while everything can be tested, else what to fix first. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** The extra CA file of the Advanced area, if one was chosen. */
    public ReadOnlyObjectProperty<Path> extraCaProperty() {
        return state.extraCaProperty();
    }

    /** The extra CA file's path, or empty. */
    public ReadOnlyStringProperty extraCaTextProperty() {
        return extraCaText.getReadOnlyProperty();
    }

    /** Trusts the CAs in {@code pem} too (a file the user picked); null is "none". */
    public void useExtraCa(Path pem) {
        state.extraCaProperty().set(pem);
    }

    /** Host mappings the user typed, one HOST:ADDRESS a line. */
    public StringProperty mappingsProperty() {
        return state.mappingsProperty();
    }

    /** Seconds each probe may take. */
    public IntegerProperty timeoutSecondsProperty() {
        return state.timeoutSecondsProperty();
    }

    private String findProblem() {
        if (searching.get()) {
            return Messages.get("servers.wait");
        }
        if (rows.stream().noneMatch(r -> r.enabledProperty().get())) {
            return Messages.get("servers.none");
        }
        for (ServerRow r : rows) {
            if (r.enabledProperty().get() && r.problem() != null) {
                return r.problem();
            }
        }
        try {
            state.hostMappings();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        Path ca = state.extraCaProperty().get();
        if (ca != null) {
            try {
                TrustMaterial.readPem(ca);
            } catch (dev.mailwizard.probe.TrustInputException e) {
                return Messages.get("servers.ca.problem." + e.problem().name().toLowerCase(java.util.Locale.ROOT), e.value());
            }
        }
        int t = state.timeoutSecondsProperty().get();
        if (t < 1 || t > 120) {
            return Messages.get("servers.timeout.range");
        }
        return null;
    }

    /** Words for a source, e.g. "guessed from the domain". */
    public static String sourceText(CandidateSource source) {
        return source.words(AppLanguage.current());
    }
}
