package dev.mailwizard.ui.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailwizard.export.AccountProfile;
import dev.mailwizard.export.ExportFile;
import dev.mailwizard.export.ExportInput;
import dev.mailwizard.export.ExportResult;
import dev.mailwizard.export.ReportProfiles;
import dev.mailwizard.export.ThunderbirdQrWriter;
import dev.mailwizard.probe.ProbeReport;
import dev.mailwizard.report.JsonReport;
import dev.mailwizard.ui.WizardState;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The phone's QR code on the Export step: made from the tested settings as soon as the
 * Thunderbird for Android format is ticked, by the same writer as the exported file, and shown on
 * screen so the phone scans it there and no file has to move. The password goes into the code
 * only while the person ticks it here; a new test run unticks it.
 */
public final class PhoneCodeViewModel {
    private static final ThunderbirdQrWriter WRITER = new ThunderbirdQrWriter();

    private final WizardState state;
    private final FormatChoice format;
    private final BooleanProperty includePassword = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<byte[]> picture = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper holdsPassword = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper passwordAvailable = new ReadOnlyBooleanWrapper(false);

    PhoneCodeViewModel(WizardState state, FormatChoice format) {
        this.state = state;
        this.format = format;
        state.reportProperty().addListener((o, a, b) -> {
            includePassword.set(false);
            refresh();
        });
        format.selectedProperty().addListener((o, a, b) -> refresh());
        state.nameProperty().addListener((o, a, b) -> refresh());
        state.passwordProperty().addListener((o, a, b) -> refresh());
        includePassword.addListener((o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        ProbeReport report = state.reportProperty().get();
        boolean on = format.selectedProperty().get() && report != null;
        shown.set(on);
        picture.set(null);
        refusal.set("");
        notes.set("");
        holdsPassword.set(false);
        passwordAvailable.set(false);
        if (!on) {
            return;
        }
        JsonNode json = JsonReport.toTree(report, false);
        AccountProfile profile;
        try {
            profile = ReportProfiles.from(json, state.nameProperty().get());
        } catch (IllegalArgumentException e) {
            refusal.set(e.getMessage());
            return;
        }
        String password = state.passwordProperty().get();
        passwordAvailable.set(profile.usesPassword() && password != null && !password.isEmpty());
        ExportInput input = ExportInput.of(profile).withReport(json);
        if (includePassword.get() && passwordAvailable.get()) {
            input = input.withPassword(password);
        }
        ExportResult result = WRITER.write(input);
        if (result instanceof ExportResult.Written written) {
            ExportFile png = written.files().stream().filter(ExportFile::image).findFirst().orElseThrow();
            picture.set(png.content());
            holdsPassword.set(png.holdsPassword());
            // The View says the password warning in its own place, in plain words.
            notes.set(String.join("\n", written.notes().stream().filter(n -> !n.equals(ThunderbirdQrWriter.PASSWORD_WARNING)).toList()));
        } else if (result instanceof ExportResult.Refused refused) {
            refusal.set(refused.reason());
        }
    }

    /** Whether the format is ticked and there are test results to make the code from. */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** The code as a PNG (8 pixels per module, to be shown at its own size), or null when there is none. */
    public ReadOnlyObjectProperty<byte[]> pictureProperty() {
        return picture.getReadOnlyProperty();
    }

    /** Why there is no code (non-ASCII address, no incoming server, ...), or empty. */
    public ReadOnlyStringProperty refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    /** What the person should know about the code's settings (servers left out, app passwords), one per line. */
    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }

    /** Ticked by the person to put the password into the code; off until then. */
    public BooleanProperty includePasswordProperty() {
        return includePassword;
    }

    /** Whether the code shown holds the password (then anyone who sees it can read it). */
    public ReadOnlyBooleanProperty holdsPasswordProperty() {
        return holdsPassword.getReadOnlyProperty();
    }

    /** Whether there is a password to put in: one was typed and some server signs in with it. */
    public ReadOnlyBooleanProperty passwordAvailableProperty() {
        return passwordAvailable.getReadOnlyProperty();
    }
}
