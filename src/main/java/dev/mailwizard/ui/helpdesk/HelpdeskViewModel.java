package dev.mailwizard.ui.helpdesk;

import dev.mailwizard.export.ExportFolder;
import dev.mailwizard.probe.ProbeReport;
import dev.mailwizard.probe.ProbeResult;
import dev.mailwizard.report.JsonReport;
import dev.mailwizard.ui.Messages;
import dev.mailwizard.ui.SaidText;
import dev.mailwizard.ui.OutcomeTexts;
import dev.mailwizard.ui.WizardState;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The help-desk drawer: the last run's probes with their redacted transcripts, copy all, save the JSON report. */
public final class HelpdeskViewModel {
    private final WizardState state;
    private final ObservableList<ProbeResult> probes = FXCollections.observableArrayList();
    private final ObservableList<ProbeResult> probesView = FXCollections.unmodifiableObservableList(probes);
    private final SaidText status = new SaidText();

    public HelpdeskViewModel(WizardState state) {
        this.state = state;
        state.reportProperty().addListener((o, a, b) -> load());
        load();
    }

    private void load() {
        ProbeReport report = state.reportProperty().get();
        probes.setAll(report == null ? List.of() : report.probes());
    }

    /** The last run's probes, in the order they were planned. */
    public ObservableList<ProbeResult> probes() {
        return probesView;
    }

    /** What the list shows for a probe. */
    public static String label(ProbeResult p) {
        return OutcomeTexts.endpoint(p) + "  " + p.outcome();
    }

    /** One probe's transcript (already redacted and escaped by the engine). */
    public static String transcript(ProbeResult p) {
        return p == null ? "" : String.join("\n", p.transcript());
    }

    /** Every probe's transcript, one after the other. */
    public String allTranscripts() {
        StringBuilder b = new StringBuilder();
        for (ProbeResult p : probes) {
            b.append("== ").append(OutcomeTexts.endpoint(p)).append(": ").append(p.outcome()).append('\n');
            p.transcript().forEach(l -> b.append(l).append('\n'));
            b.append('\n');
        }
        return b.toString();
    }

    /** The full JSON report, with transcripts, for the help desk. */
    public String jsonReport() {
        ProbeReport report = state.reportProperty().get();
        return report == null ? "" : JsonReport.write(report, true);
    }

    /** The view put {@link #allTranscripts()} on the clipboard. */
    public void transcriptsCopied() {
        status.say(() -> Messages.get("helpdesk.copied"));
    }

    /** Writes the JSON report to the file the user chose (the file chooser already asked before replacing). */
    public void saveJson(Path target) {
        try {
            ExportFolder.saveAs(target, jsonReport());
            status.say(() -> Messages.get("helpdesk.saved", target.toString()));
        } catch (IOException ex) {
            status.say(() -> Messages.get("helpdesk.save.failed", target.toString(), String.valueOf(ex.getMessage())));
        }
    }

    /** What the last copy or save did. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
