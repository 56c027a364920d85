package dev.mailwizard.ui.testing;

import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.Outcome;
import dev.mailwizard.probe.Phase;
import dev.mailwizard.probe.ProbeResult;
import dev.mailwizard.ui.OutcomeTexts;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/** One line of the live matrix: an endpoint and its phases as they happen. */
public final class MatrixRow {
    /** The columns, in display order. */
    public enum Column { CONNECT, GREETING, TLS, EHLO, LOGIN }

    private final Endpoint endpoint;
    private final List<ObjectProperty<CellState>> cells = new ArrayList<>();
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper time = new ReadOnlyStringWrapper("");
    private final ObjectProperty<ProbeResult> result = new SimpleObjectProperty<>();

    public MatrixRow(Endpoint endpoint) {
        this.endpoint = endpoint;
        for (Column ignored : Column.values()) {
            cells.add(new SimpleObjectProperty<>(CellState.PENDING));
        }
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public ReadOnlyObjectProperty<CellState> cell(Column c) {
        return cells.get(c.ordinal());
    }

    /** The phase running now, then the outcome's name. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeProperty() {
        return time.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ProbeResult> resultProperty() {
        return result;
    }

    static Column column(Phase phase) {
        return switch (phase) {
            case RESOLVE, CONNECT -> Column.CONNECT;
            case GREETING -> Column.GREETING;
            case STARTTLS, TLS -> Column.TLS;
            case EHLO, EHLO_AFTER_TLS -> Column.EHLO;
            case LOGIN, SEND_TEST, DONE -> Column.LOGIN;
        };
    }

    /** A phase started: it runs, and whatever ran before it is done. */
    void phaseStarted(Phase phase) {
        Column now = column(phase);
        for (ObjectProperty<CellState> c : cells) {
            if (c.get().status() == CellState.Status.RUNNING && c != cells.get(now.ordinal())) {
                c.set(new CellState(CellState.Status.DONE, ""));
            }
        }
        cells.get(now.ordinal()).set(CellState.RUNNING);
        outcome.set(OutcomeTexts.phase(phase));
    }

    /** The probe ended: every cell gets its final state, with times where we have them. */
    void finished(ProbeResult r) {
        result.set(r);
        var t = r.timings();
        Long[] ms = {sum(t.resolveMs(), t.connectMs()), t.greetingMs(), t.tlsMs(), t.ehloMs(), t.loginMs()};
        boolean ok = r.outcome() == Outcome.OK || r.outcome() == Outcome.PLAIN_OK;
        for (Column c : Column.values()) {
            ObjectProperty<CellState> cell = cells.get(c.ordinal());
            Long m = ms[c.ordinal()];
            if (c == Column.LOGIN) {
                cell.set(switch (r.login().result()) {
                    case OK -> new CellState(CellState.Status.DONE, m == null ? "" : m + " ms");
                    case REJECTED -> new CellState(CellState.Status.FAILED, dev.mailwizard.ui.Messages.get("testing.rejected"));
                    case NOT_ATTEMPTED -> r.login().attempted() ? new CellState(CellState.Status.FAILED, "")
                            : cell.get().status() == CellState.Status.RUNNING && !ok ? new CellState(CellState.Status.FAILED, "") : CellState.SKIPPED;
                });
                continue;
            }
            boolean wasRunning = cell.get().status() == CellState.Status.RUNNING;
            if (wasRunning && !ok && r.outcome() != Outcome.LOGIN_REJECTED && r.outcome() != Outcome.LOGIN_UNAVAILABLE) {
                cell.set(new CellState(CellState.Status.FAILED, ""));
            } else if (m != null) {
                cell.set(new CellState(failedHere(r, c) ? CellState.Status.FAILED : CellState.Status.DONE, m + " ms"));
            } else if (wasRunning || cell.get().status() == CellState.Status.DONE) {
                cell.set(new CellState(CellState.Status.DONE, ""));
            } else {
                cell.set(CellState.SKIPPED);
            }
        }
        outcome.set(r.outcome().name());
        time.set(r.timings().totalMs() + " ms");
    }

    /** A phase that finished (it has a time) but whose result was the problem. */
    private static boolean failedHere(ProbeResult r, Column c) {
        return switch (r.outcome()) {
            case CERT_UNTRUSTED, CERT_EXPIRED, CERT_HOSTNAME_MISMATCH -> c == Column.TLS;
            case LOGIN_UNAVAILABLE, STARTTLS_NOT_OFFERED -> c == Column.EHLO;
            default -> false;
        };
    }

    private static Long sum(Long a, Long b) {
        return a == null && b == null ? null : (a == null ? 0 : a) + (b == null ? 0 : b);
    }
}
