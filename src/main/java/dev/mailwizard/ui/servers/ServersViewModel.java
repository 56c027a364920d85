package dev.mailwizard.ui.servers;

import dev.mailwizard.demo.DemoServers;
import dev.mailwizard.discovery.Discovery;
import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.ServerCandidate;
import dev.mailwizard.model.Security;
import dev.mailwizard.probe.PortMatrix;
import dev.mailwizard.probe.TrustMaterial;
import dev.mailwizard.ui.Messages;
import dev.mailwizard.ui.WizardState;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.collections.ObservableList;

/**
 * The Servers step: the endpoints to test, each editable, with where it came from; plus the
 * advanced options (extra CA, host mappings, per-probe timeout).
 */
public final class ServersViewModel {
    private final WizardState state;
    private final ObservableList<ServerRow> rows;
    private final StringBinding problem;
    private final BooleanBinding valid;

    public ServersViewModel(WizardState state) {
        this.state = state;
        this.rows = state.servers();
        this.problem = Bindings.createStringBinding(this::findProblem, rows, state.mappingsProperty(), state.extraCaProperty(),
                state.timeoutSecondsProperty());
        this.valid = problem.isNull();
    }

    /** Fills the list for the address's domain the first time (or when the domain changed). */
    public void prepare() {
        DemoServers demo = state.demoProperty().get();
        if (demo != null) {
            if (!"demo".equals(state.serversFilledFor())) {
                List<ServerRow> list = new ArrayList<>();
                for (Endpoint e : demo.endpoints()) {
                    list.add(new ServerRow(e.host(), e.port(), e.security(), CandidateSource.USER, true));
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
        List<ServerRow> list = new ArrayList<>();
        for (ServerCandidate c : Discovery.guessOnly().discover(address).candidates()) {
            for (PortMatrix.PortMode mode : PortMatrix.DEFAULT) {
                list.add(new ServerRow(c.host(), mode.port(), mode.security(), c.source(), c.trusted()));
            }
        }
        state.servers().setAll(list);
        state.serversFilledFor(address.domain());
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
    public StringBinding problemProperty() {
        return problem;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    private String findProblem() {
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
            } catch (IllegalArgumentException e) {
                return e.getMessage().replace("--trust-ca", Messages.get("servers.ca"));
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
        return Messages.get("source." + source.id());
    }

    public WizardState state() {
        return state;
    }
}
