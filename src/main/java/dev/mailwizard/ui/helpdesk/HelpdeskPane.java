package dev.mailwizard.ui.helpdesk;

import dev.mailwizard.probe.ProbeResult;
import dev.mailwizard.ui.Messages;
import dev.mailwizard.ui.OutcomeTexts;
import dev.mailwizard.ui.result.ResultViewModel;

import java.io.File;
import java.io.IOException;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** For help-desk staff: each probe's redacted transcript, copy all, save the JSON report. */
public final class HelpdeskPane {
    private final VBox root = new VBox(8);
    private final ListView<ProbeResult> list = new ListView<>();
    private final TextArea transcript = new TextArea();
    private final Label saved = new Label();

    public HelpdeskPane(ResultViewModel vm) {
        list.setId("probeList");
        list.setPrefWidth(300);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ProbeResult item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : OutcomeTexts.endpoint(item) + "  " + item.outcome());
            }
        });
        transcript.setId("transcript");
        transcript.setEditable(false);
        transcript.getStyleClass().add("transcript");
        list.getSelectionModel().selectedItemProperty().addListener((o, a, p) ->
                transcript.setText(p == null ? "" : String.join("\n", p.transcript())));
        vm.state().reportProperty().addListener((o, a, b) -> refresh(vm));
        refresh(vm);

        Button copy = new Button(Messages.get("helpdesk.copy"));
        copy.setId("copyTranscripts");
        copy.setMnemonicParsing(true);
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(vm.allTranscripts());
            Clipboard.getSystemClipboard().setContent(content);
            saved.setText(Messages.get("helpdesk.copied"));
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
                try {
                    dev.mailwizard.export.ExportFolder.saveAs(f.toPath(), vm.jsonReport());
                    saved.setText(Messages.get("helpdesk.saved", f.toString()));
                } catch (IOException ex) {
                    saved.setText(Messages.get("helpdesk.save.failed", f.toString(), String.valueOf(ex.getMessage())));
                }
            }
        });
        SplitPane split = new SplitPane(list, transcript);
        split.setDividerPositions(0.35);
        split.setPrefHeight(220);
        root.getChildren().addAll(split, new HBox(8, copy, save, saved));
    }

    private void refresh(ResultViewModel vm) {
        list.setItems(FXCollections.observableArrayList(vm.probes()));
        if (!list.getItems().isEmpty()) {
            list.getSelectionModel().select(0);
        }
    }

    public Node view() {
        return root;
    }
}
