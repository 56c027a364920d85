package dev.mailwizard.ui.testing;

import dev.mailwizard.ui.Messages;
import dev.mailwizard.ui.OutcomeSignal;
import dev.mailwizard.ui.OutcomeTexts;

import java.util.Locale;
import javafx.scene.control.TableCell;

/**
 * One phase of one row: an icon per state (its shape says the state) with the phase's time beside
 * it, and in words for a screen reader: "smtp.example.com, port 465, SSL/TLS, TLS: done, 287 ms".
 */
final class PhaseCell extends TableCell<MatrixRow, CellState> {
    private final String phase;

    /** @param phase the column's name, as its header shows it */
    PhaseCell(String phase) {
        this.phase = phase;
    }

    @Override
    protected void updateItem(CellState item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setText(null);
            setAccessibleText(null);
            return;
        }
        setGraphic(signal(item.status()).icon());
        setText(item.text().isEmpty() ? null : item.text());
        String state = Messages.get("testing.state." + item.status().name().toLowerCase(Locale.ROOT));
        String endpoint = OutcomeTexts.endpoint(getTableView().getItems().get(getIndex()).endpoint());
        setAccessibleText(Messages.get(item.text().isEmpty() ? "testing.phase.a11y" : "testing.phase.a11y.text", endpoint, phase, state, item.text()));
    }

    static OutcomeSignal signal(CellState.Status status) {
        return switch (status) {
            case PENDING -> OutcomeSignal.WAITING;
            case RUNNING -> OutcomeSignal.RUNNING;
            case DONE -> OutcomeSignal.WORKS;
            case FAILED -> OutcomeSignal.FAILS;
            case SKIPPED -> OutcomeSignal.SKIPPED;
        };
    }
}
