package dev.mailwizard.ui.export;

import dev.mailwizard.ui.Icons;
import dev.mailwizard.ui.Messages;
import dev.mailwizard.ui.StepTexts;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/** The Export step: pick programs (ticking the phone format shows its QR code at once), pick a folder, export; then open the folder or copy a file's text. */
public final class ExportView {
    private final ScrollPane scroll;
    private final VBox root = new VBox(12);
    private final ExportViewModel vm;

    public ExportView(ExportViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add("step");
        Label heading = StepTexts.heading(Messages.get("export.heading"));
        Label intro = StepTexts.intro("");
        intro.textProperty().bind(Bindings.when(vm.hasSettingsProperty()).then(Messages.get("export.intro")).otherwise(Messages.get("export.none")));
        Label status = new Label();
        status.setId("exportStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        root.getChildren().addAll(heading, intro, buildFormats(), new PhoneCodePane(vm.phoneCode()).view(), buildFolderRow(), buildReplace(), buildPassword(), buildActions(), status,
                buildResults());
        scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("step-scroll");
    }

    /** One tick box per client format, in two columns. */
    private GridPane buildFormats() {
        GridPane formats = new GridPane();
        formats.setId("formats");
        formats.setHgap(24);
        formats.setVgap(6);
        for (int c = 0; c < 2; c++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            formats.getColumnConstraints().add(half);
        }
        int i = 0;
        for (FormatChoice f : vm.formats()) {
            CheckBox box = formatBox(f);
            formats.add(box, i % 2, i / 2);
            i++;
        }
        return formats;
    }

    private CheckBox formatBox(FormatChoice f) {
        CheckBox box = new CheckBox(f.description() + (f.recommended() && !f.id().equals("report") ? " (" + Messages.get("export.recommended") + ")" : ""));
        box.setId("format-" + f.id());
        box.setMnemonicParsing(false);
        box.setWrapText(true);
        box.setTooltip(new Tooltip(f.id()));
        box.selectedProperty().bindBidirectional(f.selectedProperty());
        if (!f.id().equals("report")) {
            box.disableProperty().bind(vm.hasSettingsProperty().not());
        }
        box.setMaxWidth(Double.MAX_VALUE);
        box.setAlignment(Pos.TOP_LEFT);
        GridPane.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    /** The folder: typed (a path the system cannot take leaves none, with a tooltip saying so) or chosen. */
    private HBox buildFolderRow() {
        Label folderLabel = new Label(Messages.get("export.folder"));
        TextField folder = new TextField();
        folder.setId("exportFolder");
        folderLabel.setLabelFor(folder);
        folderLabel.setMnemonicParsing(true);
        folder.setText(String.valueOf(vm.folderProperty().get()));
        vm.folderProperty().addListener((o, a, b) -> {
            if (b != null && !folder.getText().equals(b.toString())) {
                folder.setText(b.toString());
            }
        });
        folder.textProperty().addListener((o, a, b) -> {
            try {
                vm.folderProperty().set(b.isBlank() ? null : Path.of(b.strip()));
                folder.setTooltip(null);
            } catch (InvalidPathException e) {
                vm.folderProperty().set(null);
                folder.setTooltip(new Tooltip(Messages.get("export.folder.invalid")));
            }
        });
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button choose = new Button(Messages.get("export.choose"));
        choose.setId("chooseFolder");
        choose.setMnemonicParsing(true);
        choose.setOnAction(e -> chooseFolder());
        HBox folderRow = new HBox(8, folderLabel, folder, choose);
        folderRow.setAlignment(Pos.CENTER_LEFT);
        return folderRow;
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        Path current = vm.folderProperty().get();
        File existing = current == null ? null : nearestExisting(current.toFile());
        if (existing != null) {
            chooser.setInitialDirectory(existing);
        }
        File picked = chooser.showDialog(root.getScene().getWindow());
        if (picked != null) {
            vm.folderProperty().set(picked.toPath());
        }
    }

    private CheckBox buildReplace() {
        CheckBox replace = new CheckBox(Messages.get("export.replace"));
        replace.setId("replaceFiles");
        replace.setMnemonicParsing(true);
        replace.selectedProperty().bindBidirectional(vm.replaceProperty());
        return replace;
    }

    private CheckBox buildPassword() {
        CheckBox password = new CheckBox(Messages.get("export.password"));
        password.setId("includePassword");
        password.setMnemonicParsing(true);
        password.setWrapText(true);
        password.selectedProperty().bindBidirectional(vm.includePasswordProperty());
        password.disableProperty().bind(vm.hasSettingsProperty().not());
        return password;
    }

    /** Export, Open folder, Save report. */
    private HBox buildActions() {
        Button export = new Button(Messages.get("export.export"), Icons.ok());
        export.setId("export");
        export.setMnemonicParsing(true);
        export.getStyleClass().add("primary");
        export.disableProperty().bind(vm.canExportProperty().not());
        export.setOnAction(e -> vm.export());
        Button open = new Button(Messages.get("export.open"));
        open.setId("openFolder");
        open.setMnemonicParsing(true);
        open.disableProperty().bind(Bindings.isEmpty(vm.results()));
        open.setOnAction(e -> FolderOpener.open(vm.folderProperty().get()));
        Button saveReport = new Button(Messages.get("export.saveReport"));
        saveReport.setId("saveReport");
        saveReport.setMnemonicParsing(true);
        saveReport.disableProperty().bind(vm.runningProperty());
        saveReport.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("mailwizard-report.html");
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("HTML", "*.html"),
                    new FileChooser.ExtensionFilter("Markdown", "*.md"));
            File f = chooser.showSaveDialog(root.getScene().getWindow());
            if (f != null) {
                vm.saveReport(f.toPath());
            }
        });
        HBox actions = new HBox(10, export, open, saveReport);
        actions.setAlignment(Pos.CENTER_LEFT);
        return actions;
    }

    /** What was written (or refused), and Copy for a file's text. Hidden until an export ran. */
    private VBox buildResults() {
        Label resultsHeading = new Label(Messages.get("export.results"));
        resultsHeading.getStyleClass().add("section-heading");
        ListView<ExportedItem> results = new ListView<>(vm.results());
        results.setId("exportResults");
        resultsHeading.setLabelFor(results);
        results.setPrefHeight(130);
        results.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ExportedItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label());
                setGraphic(empty || item == null ? null : item.written() ? Icons.ok() : Icons.warning());
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        Label copied = new Label();
        copied.setId("copied");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox headingRow = new HBox(10, resultsHeading, gap, copied, buildCopy(results, copied));
        headingRow.setAlignment(Pos.CENTER_LEFT);
        VBox resultsBox = new VBox(8, headingRow, results);
        resultsBox.visibleProperty().bind(Bindings.isNotEmpty(vm.results()));
        resultsBox.managedProperty().bind(resultsBox.visibleProperty());
        return resultsBox;
    }

    private static Button buildCopy(ListView<ExportedItem> results, Label copied) {
        Button copy = new Button(Messages.get("export.copy"), Icons.copy());
        copy.setId("copyFile");
        copy.setMnemonicParsing(true);
        copy.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            ExportedItem s = results.getSelectionModel().getSelectedItem();
            return s == null || s.text().isEmpty();
        }, results.getSelectionModel().selectedItemProperty()));
        copy.setOnAction(e -> {
            ExportedItem s = results.getSelectionModel().getSelectedItem();
            ClipboardContent c = new ClipboardContent();
            c.putString(s.text());
            Clipboard.getSystemClipboard().setContent(c);
            copied.setText(Messages.get("export.copied", s.path().getFileName().toString()));
        });
        return copy;
    }

    private static File nearestExisting(File f) {
        File d = f;
        while (d != null && !d.isDirectory()) {
            d = d.getParentFile();
        }
        return d;
    }

    public Node view() {
        return scroll;
    }
}
