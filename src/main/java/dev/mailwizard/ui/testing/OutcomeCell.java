package dev.mailwizard.ui.testing;

import dev.mailwizard.probe.ProbeResult;
import dev.mailwizard.ui.Messages;
import dev.mailwizard.ui.OutcomeSignal;
import dev.mailwizard.ui.OutcomeTexts;

import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/**
 * A row's result: while it runs, an hourglass and the phase ("connecting"); then the outcome's
 * icon (its shape says works, warning, fails or skipped), its name, and in words for a screen
 * reader: "smtp.example.com, port 465, SSL/TLS: fails (CERT_UNTRUSTED): the certificate is ...".
 */
final class OutcomeCell extends TableCell<MatrixRow, String> {
    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        for (OutcomeSignal s : OutcomeSignal.values()) {
            getStyleClass().remove(s.styleClass());
        }
        if (empty || item == null || item.isEmpty()) {
            setText(null);
            setGraphic(null);
            setTooltip(null);
            setAccessibleText(null);
            return;
        }
        MatrixRow row = getTableView().getItems().get(getIndex());
        ProbeResult result = row.resultProperty().get();
        String endpoint = OutcomeTexts.endpoint(row.endpoint());
        OutcomeSignal signal = result == null ? OutcomeSignal.RUNNING : OutcomeSignal.of(result.outcome());
        setText(item);
        setGraphic(signal.icon());
        getStyleClass().add(signal.styleClass());
        if (result == null) {
            setTooltip(null);
            setAccessibleText(Messages.get("testing.outcome.a11y.running", endpoint, signal.word(), item));
        } else {
            String meaning = result.outcome().meaning();
            setTooltip(new Tooltip(meaning));
            setAccessibleText(Messages.get("testing.outcome.a11y", endpoint, signal.word(), item, meaning));
        }
    }
}
