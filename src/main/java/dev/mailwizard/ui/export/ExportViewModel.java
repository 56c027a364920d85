package dev.mailwizard.ui.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailwizard.export.ExportFile;
import dev.mailwizard.export.ExportFolder;
import dev.mailwizard.export.ExportInput;
import dev.mailwizard.export.ExportResult;
import dev.mailwizard.export.HelpDeskReportWriter;
import dev.mailwizard.export.ProfileWriter;
import dev.mailwizard.export.ProfileWriters;
import dev.mailwizard.export.ReportProfiles;
import dev.mailwizard.platform.Platform;
import dev.mailwizard.probe.ProbeReport;
import dev.mailwizard.report.JsonReport;
import dev.mailwizard.ui.Messages;
import dev.mailwizard.ui.SaidText;
import dev.mailwizard.ui.WizardState;
import dev.mailwizard.ui.task.TaskRunner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Export step: which client files to write, where, and what happened. Writing runs off the
 * UI thread; an existing file is replaced only when the user ticked "Replace existing files".
 */
public final class ExportViewModel {
    private final WizardState state;
    private final TaskRunner runner;
    private final ObservableList<FormatChoice> formats = FXCollections.observableArrayList();
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>();
    private final BooleanProperty includePassword = new SimpleBooleanProperty(false);
    private final BooleanProperty replace = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasSettings = new ReadOnlyBooleanWrapper(false);
    private final SaidText status = new SaidText();
    private final ObservableList<ExportedItem> results = FXCollections.observableArrayList();
    private final ObservableList<ExportedItem> resultsView = FXCollections.unmodifiableObservableList(results);
    private final ReadOnlyBooleanWrapper canExport = new ReadOnlyBooleanWrapper();
    private final PhoneCodeViewModel phoneCode;

    public ExportViewModel(WizardState state, TaskRunner runner, String osName, Path home) {
        this.state = state;
        this.runner = runner;
        String preferred = Platform.of(osName, Map.of(), home).defaultMailClient();
        for (ProfileWriter w : ProfileWriters.all()) {
            formats.add(new FormatChoice(w.id(), w.id().equals(preferred) || w.id().equals("report")));
        }
        phoneCode = new PhoneCodeViewModel(state, formats.stream().filter(f -> f.id().equals("thunderbird-qr")).findFirst().orElseThrow());
        state.reportProperty().addListener((o, a, b) -> reset(home));
        reset(home);
        BooleanBinding anySelected = Bindings.createBooleanBinding(() -> formats.stream().anyMatch(f -> f.selectedProperty().get()),
                formats.stream().map(FormatChoice::selectedProperty).toArray(javafx.beans.Observable[]::new));
        canExport.bind(anySelected.and(running.not()).and(folder.isNotNull()).and(state.reportProperty().isNotNull()));
    }

    private void reset(Path home) {
        results.clear();
        status.set("");
        ProbeReport r = state.reportProperty().get();
        hasSettings.set(r != null && r.recommended() != null);
        String who = r == null ? "account" : r.address().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9@._-]", "_");
        folder.set(home.resolve("MailWizard").resolve(who));
    }

    /** Writes the ticked formats into the folder; the outcome arrives in {@link #results()} and {@link #statusProperty()}. */
    public void export() {
        ProbeReport report = state.reportProperty().get();
        if (report == null || !canExport.get()) {
            return;
        }
        List<ProfileWriter> chosen = formats.stream().filter(f -> f.selectedProperty().get())
                .map(f -> ProfileWriters.byId(f.id()).orElseThrow()).toList();
        String name = state.nameProperty().get();
        String password = includePassword.get() ? state.passwordProperty().get() : null;
        Path dir = folder.get();
        boolean force = replace.get();
        running.set(true);
        status.say(() -> Messages.get("export.running"));
        results.clear();
        runner.run(() -> write(report, name, password, chosen, dir, force), this::show, e -> {
            running.set(false);
            status.say(() -> Messages.get("export.failed", dir.toString(), String.valueOf(e.getMessage())));
        });
    }

    private record Outcome(List<ExportedItem> items, List<Path> conflicts) {
    }

    /** A file a writer produced, not yet on disk. */
    private record Pending(String format, ExportFile file, String notes) {
    }

    private static Outcome write(ProbeReport report, String name, String password, List<ProfileWriter> writers, Path dir,
                                 boolean force) throws IOException {
        // The wizard always tests an address, so the report always yields a profile (perhaps with no servers).
        JsonNode json = JsonReport.toTree(report, true);
        ExportInput input = ExportInput.of(ReportProfiles.from(json, name)).withReport(json).inFolder(dir)
                .withPassword(password == null || password.isEmpty() ? null : password);
        List<ExportedItem> refused = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        for (ProfileWriter w : writers) {
            ExportResult r = w.write(input);
            if (r instanceof ExportResult.Written ok) {
                ok.files().forEach(f -> pending.add(new Pending(w.id(), f, String.join("; ", ok.notes()))));
            } else if (r instanceof ExportResult.Refused no) {
                refused.add(new ExportedItem(w.id(), null, "", no.reason(), false));
            }
        }
        ExportFolder out = new ExportFolder(dir, force);
        List<Path> conflicts = out.conflicts(pending.stream().map(Pending::file).toList());
        if (!conflicts.isEmpty()) {
            return new Outcome(refused, conflicts);
        }
        List<ExportedItem> written = new ArrayList<>();
        for (Pending p : pending) {
            Path path = out.write(p.file());
            written.add(new ExportedItem(p.format(), path, p.file().image() ? "" : p.file().text(), p.notes(), p.file().holdsPassword()));
        }
        written.addAll(refused);
        return new Outcome(written, List.of());
    }

    /** "Save report…": the help-desk report alone, as HTML or Markdown by the chosen file's extension. */
    public void saveReport(Path target) {
        ProbeReport report = state.reportProperty().get();
        if (report == null || target == null) {
            return;
        }
        boolean markdown = target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md");
        running.set(true);
        runner.run(() -> {
            ExportFile file = HelpDeskReportWriter.files(JsonReport.toTree(report, true)).stream()
                    .filter(f -> f.name().endsWith(markdown ? ".md" : ".html")).findFirst().orElseThrow();
            // The file chooser already asked before replacing.
            return ExportFolder.saveAs(target, file.text());
        }, p -> {
            running.set(false);
            status.say(() -> Messages.get("export.report.saved", p.toString()));
        }, e -> {
            running.set(false);
            status.say(() -> Messages.get("export.failed", target.toString(), String.valueOf(e.getMessage())));
        });
    }

    private void show(Outcome o) {
        running.set(false);
        results.setAll(o.items());
        if (!o.conflicts().isEmpty()) {
            status.say(() -> Messages.get("export.conflict", o.conflicts().get(0).getFileName().toString(), o.conflicts().size()));
            return;
        }
        long written = o.items().stream().filter(ExportedItem::written).count();
        long refused = o.items().size() - written;
        status.say(() -> refused == 0 ? Messages.get("export.done", written, folder.get().toString())
                : Messages.get("export.done.refused", written, folder.get().toString(), refused));
    }

    /** The QR code for the phone, shown while its format is ticked. */
    public PhoneCodeViewModel phoneCode() {
        return phoneCode;
    }

    public ObservableList<FormatChoice> formats() {
        return formats;
    }

    public ObjectProperty<Path> folderProperty() {
        return folder;
    }

    public BooleanProperty includePasswordProperty() {
        return includePassword;
    }

    public BooleanProperty replaceProperty() {
        return replace;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasSettingsProperty() {
        return hasSettings.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<ExportedItem> results() {
        return resultsView;
    }

    public ReadOnlyBooleanProperty canExportProperty() {
        return canExport.getReadOnlyProperty();
    }
}
