package dev.mailwizard.ui.testing;

import dev.mailwizard.model.HostNames;
import dev.mailwizard.probe.ProbeResult;
import dev.mailwizard.ui.Icons;
import dev.mailwizard.ui.Messages;
import dev.mailwizard.ui.cert.CertificateView;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Testing step: the live matrix, a progress bar, Cancel and Test again. */
public final class TestingView {
    private final VBox root = new VBox(12);

    public TestingView(TestingViewModel vm, Consumer<ProbeResult> showCertificate) {
        root.getStyleClass().add("step");
        Label heading = new Label(Messages.get("testing.heading"));
        heading.getStyleClass().add("step-heading");
        Label intro = new Label(Messages.get("testing.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("step-intro");

        TableView<MatrixRow> table = new TableView<>(vm.rows());
        table.setId("matrix");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Messages.get("testing.empty")));
        table.setAccessibleText(Messages.get("testing.heading"));

        TableColumn<MatrixRow, String> protocol = new TableColumn<>(Messages.get("testing.col.protocol"));
        protocol.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().endpoint().protocol().name()));
        protocol.setPrefWidth(54);
        protocol.setMinWidth(54);
        TableColumn<MatrixRow, String> server = new TableColumn<>(Messages.get("testing.col.server"));
        server.setCellValueFactory(c -> new SimpleStringProperty(HostNames.toUnicode(c.getValue().endpoint().host())));
        server.setPrefWidth(150);
        TableColumn<MatrixRow, String> port = new TableColumn<>(Messages.get("testing.col.port"));
        port.setCellValueFactory(c -> new SimpleStringProperty(Integer.toString(c.getValue().endpoint().port())));
        port.setPrefWidth(56);
        TableColumn<MatrixRow, String> security = new TableColumn<>(Messages.get("testing.col.security"));
        security.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().endpoint().security().label()));
        security.setPrefWidth(84);
        security.setMinWidth(84);
        table.getColumns().add(protocol);
        table.getColumns().add(server);
        table.getColumns().add(port);
        table.getColumns().add(security);
        for (MatrixRow.Column column : MatrixRow.Column.values()) {
            TableColumn<MatrixRow, CellState> c = new TableColumn<>(Messages.get("testing.col." + column.name().toLowerCase(Locale.ROOT)));
            c.setCellValueFactory(cell -> cell.getValue().cell(column));
            c.setCellFactory(col -> new PhaseCell());
            c.setPrefWidth(86);
            c.setMinWidth(80);
            c.setSortable(false);
            table.getColumns().add(c);
        }
        TableColumn<MatrixRow, String> outcome = new TableColumn<>(Messages.get("testing.col.result"));
        outcome.setCellValueFactory(c -> c.getValue().outcomeProperty());
        outcome.setPrefWidth(190);
        outcome.setMinWidth(180);
        outcome.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().removeAll("outcome-ok", "outcome-bad");
                if (!empty && item != null) {
                    if (item.equals("OK")) {
                        getStyleClass().add("outcome-ok");
                    } else if (item.matches("[A-Z_]+")) {
                        getStyleClass().add("outcome-bad");
                    }
                }
            }
        });
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
                setGraphic(button);
            }
        });
        table.getColumns().add(outcome);
        table.getColumns().add(cert);
        VBox.setVgrow(table, Priority.ALWAYS);

        ProgressBar bar = new ProgressBar();
        bar.setId("progress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setAccessibleText(Messages.get("testing.progress"));
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label status = new Label();
        status.setId("testingStatus");
        status.textProperty().bind(vm.statusProperty());
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

        root.getChildren().addAll(heading, intro, table, progressRow, status);
    }

    public Node view() {
        return root;
    }

    /** An icon per phase state, with the phase's time beside it. */
    private static final class PhaseCell extends TableCell<MatrixRow, CellState> {
        @Override
        protected void updateItem(CellState item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Node icon = switch (item.status()) {
                case PENDING -> Icons.pending();
                case RUNNING -> spinner();
                case DONE -> Icons.ok();
                case FAILED -> Icons.bad();
                case SKIPPED -> Icons.skipped();
            };
            setGraphic(icon);
            setText(item.text().isEmpty() ? null : item.text());
            setAccessibleText(item.status().name().toLowerCase(Locale.ROOT) + " " + item.text());
        }

        private static Node spinner() {
            ProgressIndicator p = new ProgressIndicator();
            p.setPrefSize(16, 16);
            p.setMaxSize(16, 16);
            return p;
        }
    }
}
