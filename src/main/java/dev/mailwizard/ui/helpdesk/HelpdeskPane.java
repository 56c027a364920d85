package dev.mailwizard.ui.helpdesk;

import dev.mailwizard.probe.ProbeResult;
import dev.mailwizard.ui.Messages;

import java.io.File;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** For help-desk staff: each probe's redacted transcript, copy all, save the JSON report. */
public final class HelpdeskPane {
    private final VBox root = new VBox(8);
    private final HelpdeskViewModel vm;

    public HelpdeskPane(HelpdeskViewModel vm) {
        this.vm = vm;
        root.getChildren().addAll(buildTranscripts(), buildActions());
    }

    private SplitPane buildTranscripts() {
        ListView<ProbeResult> list = new ListView<>(vm.probes());
        list.setId("probeList");
        list.setPrefWidth(300);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ProbeResult item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : HelpdeskViewModel.label(item));
            }
        });
        TextArea transcript = new TextArea();
        transcript.setId("transcript");
        transcript.setEditable(false);
        transcript.getStyleClass().add("transcript");
        list.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> transcript.setText(HelpdeskViewModel.transcript(p)));
        // A new run: show its first probe's transcript.
        vm.probes().addListener((ListChangeListener<ProbeResult>) c -> selectFirst(list));
        selectFirst(list);
        SplitPane split = new SplitPane(titled("helpdesk.probes", list), titled("helpdesk.transcript", transcript));
        split.setDividerPositions(0.35);
        split.setPrefHeight(220);
        return split;
    }

    /** A heading over the list or the transcript, which also names it for a screen reader. */
    private static VBox titled(String key, Control field) {
        Label heading = new Label(Messages.get(key));
        heading.setLabelFor(field);
        VBox.setVgrow(field, Priority.ALWAYS);
        return new VBox(4, heading, field);
    }

    private static void selectFirst(ListView<ProbeResult> list) {
        if (!list.getItems().isEmpty()) {
            list.getSelectionModel().select(0);
        }
    }

    private HBox buildActions() {
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        Button copy = new Button(Messages.get("helpdesk.copy"));
        copy.setId("copyTranscripts");
        copy.setMnemonicParsing(true);
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(vm.allTranscripts());
            Clipboard.getSystemClipboard().setContent(content);
            vm.transcriptsCopied();
        });
        Button save = new Button(Messages.get("helpdesk.save"));
        save.setId("saveJson");
        save.setMnemonicParsing(true);
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("mailwizard-report.json");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
            File f = chooser.showSaveDialog(root.getScene().getWindow());
            if (f != null) {
                vm.saveJson(f.toPath());
            }
        });
        return new HBox(8, copy, save, status);
    }

    public Node view() {
        return root;
    }
}
