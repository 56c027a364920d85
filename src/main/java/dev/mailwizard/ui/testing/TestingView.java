package dev.mailwizard.ui.testing;

import dev.mailwizard.model.HostNames;
import dev.mailwizard.probe.ProbeResult;
import dev.mailwizard.ui.Icons;
import dev.mailwizard.ui.Messages;
import dev.mailwizard.ui.StepTexts;
import dev.mailwizard.ui.OutcomeTexts;
import dev.mailwizard.ui.cert.CertificateView;

import java.net.URI;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Testing step: the sign-in link while a sign-in waits, the live matrix, a progress bar, Cancel and Test again. */
public final class TestingView {
    private final VBox root = new VBox(12);
    private final TestingViewModel vm;
    private final Consumer<ProbeResult> showCertificate;

    public TestingView(TestingViewModel vm, Consumer<ProbeResult> showCertificate) {
        this.vm = vm;
        this.showCertificate = showCertificate;
        root.getStyleClass().add("step");
        Label heading = StepTexts.heading(Messages.get("testing.heading"));
        Label intro = StepTexts.intro(Messages.get("testing.intro"));
        Label status = new Label();
        status.setId("testingStatus");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        Label signInNote = new Label();
        signInNote.setId("rememberNote");
        signInNote.getStyleClass().add("field-hint");
        signInNote.setWrapText(true);
        signInNote.textProperty().bind(vm.signInNoteProperty());
        signInNote.visibleProperty().bind(vm.signInNoteProperty().isNotEmpty());
        signInNote.managedProperty().bind(signInNote.visibleProperty());
        root.getChildren().addAll(heading, intro, buildSignInLink(), buildMatrix(), buildProgressRow(), status, signInNote);
    }

    /** While the run waits for the browser: the sign-in page's link to copy, and Open again. */
    private VBox buildSignInLink() {
        Label say = new Label(Messages.get("testing.signin.link"));
        TextField link = new TextField();
        link.setId("signInLink");
        link.setEditable(false);
        say.setLabelFor(link);
        link.textProperty().bind(vm.signInUrlProperty().map(URI::toString).orElse(""));
        HBox.setHgrow(link, Priority.ALWAYS);
        Button copy = new Button(Messages.get("testing.signin.copy"));
        copy.setId("copySignInLink");
        copy.setMnemonicParsing(true);
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(link.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Button again = new Button(Messages.get("testing.signin.open"));
        again.setId("openSignInAgain");
        again.setMnemonicParsing(true);
        again.setOnAction(e -> vm.openSignInAgain());
        HBox row = new HBox(8, link, copy, again);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, say, row);
        box.getStyleClass().add("sign-in-wait");
        box.visibleProperty().bind(vm.signInUrlProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** The live matrix: the endpoint, one icon per phase, the outcome, and the certificate button. */
    private TableView<MatrixRow> buildMatrix() {
        TableView<MatrixRow> table = new TableView<>(vm.rows());
        table.setId("matrix");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Messages.get("testing.empty")));
        table.setAccessibleText(Messages.get("testing.heading"));
        table.getColumns().add(textColumn("testing.col.protocol", r -> r.endpoint().protocol().name(), 54, true));
        table.getColumns().add(textColumn("testing.col.server", r -> HostNames.toUnicode(r.endpoint().host()), 150, false));
        table.getColumns().add(textColumn("testing.col.port", r -> Integer.toString(r.endpoint().port()), 56, false));
        table.getColumns().add(textColumn("testing.col.security", r -> r.endpoint().security().label(), 84, true));
        for (MatrixRow.Column column : MatrixRow.Column.values()) {
            TableColumn<MatrixRow, CellState> c = new TableColumn<>(Messages.get("testing.col." + column.name().toLowerCase(Locale.ROOT)));
            c.setCellValueFactory(cell -> cell.getValue().cell(column));
            c.setCellFactory(col -> new PhaseCell(c.getText()));
            c.setPrefWidth(86);
            c.setMinWidth(80);
            c.setSortable(false);
            table.getColumns().add(c);
        }
        table.getColumns().add(buildOutcomeColumn());
        table.getColumns().add(buildCertificateColumn());
        VBox.setVgrow(table, Priority.ALWAYS);
        return table;
    }

    /** A column of fixed text about the endpoint; {@code minToPref}: never narrower than its preferred width. */
    private static TableColumn<MatrixRow, String> textColumn(String key, Function<MatrixRow, String> text, double width, boolean minToPref) {
        TableColumn<MatrixRow, String> column = new TableColumn<>(Messages.get(key));
        column.setCellValueFactory(c -> new SimpleStringProperty(text.apply(c.getValue())));
        column.setPrefWidth(width);
        if (minToPref) {
            column.setMinWidth(width);
        }
        return column;
    }

    /** The running phase, then the outcome: an icon of its kind's shape and the outcome's name. */
    private static TableColumn<MatrixRow, String> buildOutcomeColumn() {
        TableColumn<MatrixRow, String> outcome = new TableColumn<>(Messages.get("testing.col.result"));
        outcome.setCellValueFactory(c -> c.getValue().outcomeProperty());
        outcome.setPrefWidth(215);
        outcome.setMinWidth(215);
        outcome.setCellFactory(col -> new OutcomeCell());
        return outcome;
    }

    private TableColumn<MatrixRow, MatrixRow> buildCertificateColumn() {
        TableColumn<MatrixRow, MatrixRow> cert = new TableColumn<>("");
        cert.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue()));
        cert.setSortable(false);
        cert.setPrefWidth(44);
        cert.setMaxWidth(50);
        cert.setCellFactory(col -> new TableCell<>() {
            private final Button button = new Button("", Icons.certificate());

            {
                button.getStyleClass().add("flat-button");
                button.setAccessibleText(Messages.get("testing.certificate"));
                button.setTooltip(new Tooltip(Messages.get("testing.certificate")));
                button.setOnAction(e -> showCertificate.accept(getItem().resultProperty().get()));
            }

            @Override
            protected void updateItem(MatrixRow item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                button.visibleProperty().bind(item.resultProperty().map(CertificateView::hasCertificate).orElse(false));
                button.setAccessibleText(Messages.get("testing.certificate.of", OutcomeTexts.endpoint(item.endpoint())));
                setGraphic(button);
            }
        });
        return cert;
    }

    /** The progress bar, Cancel and Test again. */
    private HBox buildProgressRow() {
        ProgressBar bar = new ProgressBar();
        bar.setId("progress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setAccessibleText(Messages.get("testing.progress"));
        HBox.setHgrow(bar, Priority.ALWAYS);
        Button cancel = new Button(Messages.get("testing.cancel"));
        cancel.setId("cancelTest");
        cancel.setMnemonicParsing(true);
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Button again = new Button(Messages.get("testing.again"));
        again.setId("testAgain");
        again.setMnemonicParsing(true);
        again.disableProperty().bind(vm.runningProperty());
        again.setOnAction(e -> vm.start());
        HBox progressRow = new HBox(12, bar, cancel, again);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        return progressRow;
    }

    public Node view() {
        return root;
    }
}
