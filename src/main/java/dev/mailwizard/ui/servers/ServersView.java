package dev.mailwizard.ui.servers;

import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;
import dev.mailwizard.ui.Icons;
import dev.mailwizard.ui.Messages;
import dev.mailwizard.ui.StepTexts;
import dev.mailwizard.ui.ServerRow;

import java.io.File;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.control.cell.ChoiceBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/** The Servers step: an editable table of endpoints and the advanced options. */
public final class ServersView {
    private final VBox root = new VBox(12);
    private final ServersViewModel vm;
    private final TableView<ServerRow> table = new TableView<>();
    private final TableColumn<ServerRow, String> host = new TableColumn<>(Messages.get("servers.col.host"));

    public ServersView(ServersViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add("step");
        Label heading = StepTexts.heading(Messages.get("servers.heading"));
        Label intro = StepTexts.intro(Messages.get("servers.intro"));
        buildTable();
        root.getChildren().addAll(heading, intro, buildStatus(), table, buildActions(), buildAdvanced());
    }

    private void buildTable() {
        table.setId("serversTable");
        table.setEditable(true);
        table.setItems(vm.rows());
        table.setPlaceholder(new Label(Messages.get("servers.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setAccessibleText(Messages.get("servers.heading"));

        TableColumn<ServerRow, Boolean> test = checkBoxColumn("servers.col.test", "servers.test.of", 56, 64);
        test.setCellValueFactory(c -> c.getValue().enabledProperty());
        TableColumn<ServerRow, Protocol> protocol = new TableColumn<>(Messages.get("servers.col.protocol"));
        protocol.setCellValueFactory(c -> c.getValue().protocolProperty());
        protocol.setCellFactory(ChoiceBoxTableCell.forTableColumn(Protocol.values()));
        protocol.setPrefWidth(80);
        protocol.setMaxWidth(90);
        host.setCellValueFactory(c -> c.getValue().hostProperty());
        host.setCellFactory(TextFieldTableCell.forTableColumn());
        host.setPrefWidth(240);
        TableColumn<ServerRow, Number> port = new TableColumn<>(Messages.get("servers.col.port"));
        port.setCellValueFactory(c -> c.getValue().portProperty());
        port.setCellFactory(TextFieldTableCell.forTableColumn(new LenientPortConverter()));
        port.setPrefWidth(80);
        port.setMaxWidth(100);
        TableColumn<ServerRow, Security> security = new TableColumn<>(Messages.get("servers.col.security"));
        security.setCellValueFactory(c -> c.getValue().securityProperty());
        security.setCellFactory(ChoiceBoxTableCell.forTableColumn(new SecurityConverter(), Security.values()));
        security.setPrefWidth(150);
        TableColumn<ServerRow, Boolean> confirm = checkBoxColumn("servers.col.confirm", "servers.confirm.of", 72, 80);
        confirm.setCellValueFactory(c -> c.getValue().trustedProperty());
        table.getColumns().setAll(List.of(test, protocol, host, port, security, buildSourceColumn(), confirm, buildRemoveColumn()));
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    /** A column of tick boxes, each named for a screen reader by {@code nameKey} with the row's server and port. */
    private static TableColumn<ServerRow, Boolean> checkBoxColumn(String key, String nameKey, double width, double maxWidth) {
        TableColumn<ServerRow, Boolean> column = new TableColumn<>(Messages.get(key));
        column.setCellFactory(col -> new CheckBoxTableCell<>() {
            @Override
            public void updateItem(Boolean item, boolean empty) {
                super.updateItem(item, empty);
                if (!empty && getGraphic() != null && getIndex() >= 0 && getIndex() < getTableView().getItems().size()) {
                    ServerRow row = getTableView().getItems().get(getIndex());
                    getGraphic().setAccessibleText(Messages.get(nameKey, row.hostProperty().get(), String.valueOf(row.portProperty().get())));
                }
            }
        });
        column.setPrefWidth(width);
        column.setMaxWidth(maxWidth);
        return column;
    }

    /** Where a row came from, and whether it still needs the user's confirmation. */
    private static TableColumn<ServerRow, String> buildSourceColumn() {
        TableColumn<ServerRow, String> source = new TableColumn<>(Messages.get("servers.col.source"));
        source.setCellValueFactory(c -> Bindings.createStringBinding(() -> ServersViewModel.sourceText(c.getValue().sourceProperty().get())
                        + (c.getValue().trustedProperty().get() ? "" : " " + Messages.get("servers.unverified")),
                c.getValue().sourceProperty(), c.getValue().trustedProperty()));
        source.setEditable(false);
        source.setPrefWidth(200);
        return source;
    }

    private TableColumn<ServerRow, ServerRow> buildRemoveColumn() {
        TableColumn<ServerRow, ServerRow> remove = new TableColumn<>("");
        remove.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue()));
        remove.setCellFactory(col -> new TableCell<>() {
            private final Button button = new Button("", Icons.bad());

            {
                button.getStyleClass().add("flat-button");
                button.setAccessibleText(Messages.get("servers.remove"));
                button.setTooltip(new Tooltip(Messages.get("servers.remove")));
                button.setOnAction(e -> vm.removeRow(getItem()));
            }

            @Override
            protected void updateItem(ServerRow item, boolean empty) {
                super.updateItem(item, empty);
                setGraphic(empty ? null : button);
                if (!empty && item != null) {
                    button.setAccessibleText(Messages.get("servers.remove.of", item.hostProperty().get(), String.valueOf(item.portProperty().get())));
                }
            }
        });
        remove.setSortable(false);
        remove.setPrefWidth(44);
        remove.setMaxWidth(50);
        return remove;
    }

    /** "Searching ..." with a spinner while discovery runs, then what it found. */
    private Label buildStatus() {
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        Label status = new Label();
        status.setId("serversStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        // The spinner as the label's graphic, so that a long status wraps under the step's full width.
        status.graphicProperty().bind(Bindings.when(vm.searchingProperty()).then((Node) busy).otherwise((Node) null));
        status.setGraphicTextGap(8);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.managedProperty().bind(vm.searchingProperty().or(vm.statusProperty().isNotEmpty()));
        status.visibleProperty().bind(status.managedProperty());
        return status;
    }

    private HBox buildActions() {
        Button add = new Button(Messages.get("servers.add"));
        add.setId("addServer");
        add.setMnemonicParsing(true);
        add.setOnAction(e -> {
            ServerRow row = vm.addRow();
            table.getSelectionModel().select(row);
            table.scrollTo(row);
            table.edit(table.getItems().indexOf(row), host);
        });
        Label problem = new Label();
        problem.setId("serversProblem");
        problem.getStyleClass().add("field-error");
        problem.textProperty().bind(vm.problemProperty().orElse(""));
        HBox actions = new HBox(12, add, problem);
        actions.setAlignment(Pos.CENTER_LEFT);
        return actions;
    }

    private TitledPane buildAdvanced() {
        TextArea mappings = new TextArea();
        mappings.setId("mappings");
        mappings.setPrefRowCount(2);
        mappings.setPromptText(Messages.get("servers.mappings.prompt"));
        mappings.textProperty().bindBidirectional(vm.mappingsProperty());
        mappings.setAccessibleHelp(Messages.get("servers.mappings.prompt"));

        Spinner<Integer> timeout = new Spinner<>(1, 120, vm.timeoutSecondsProperty().get());
        timeout.setId("timeout");
        timeout.setEditable(true);
        timeout.setPrefWidth(90);
        timeout.valueProperty().addListener((o, a, b) -> vm.timeoutSecondsProperty().set(b));
        // One Tab stop, the editor, named by the label: JavaFX names a spinner itself by its value.
        // The arrow keys still reach the spinner from its editor.
        timeout.setFocusTraversable(false);
        timeout.getEditor().setAccessibleHelp(Messages.get("servers.timeout.range"));

        HBox caRow = buildCaRow();
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, labelFor("servers.ca", caRow.getChildren().get(0)), caRow);
        grid.addRow(1, labelFor("servers.mappings", mappings), mappings);
        grid.addRow(2, labelFor("servers.timeout", timeout.getEditor()), timeout);
        GridPane.setHgrow(caRow, Priority.ALWAYS);
        GridPane.setHgrow(mappings, Priority.ALWAYS);
        grid.setPadding(new Insets(6));
        TitledPane pane = new TitledPane(Messages.get("servers.advanced"), grid);
        pane.setId("advanced");
        pane.setExpanded(false);
        return pane;
    }

    private static Label labelFor(String key, Node field) {
        Label label = formLabel(key);
        label.setLabelFor(field);
        return label;
    }

    /** The extra CA file: its path, Browse and Clear. */
    private HBox buildCaRow() {
        TextField ca = new TextField();
        ca.setId("caFile");
        ca.setEditable(false);
        ca.setPromptText(Messages.get("servers.ca.none"));
        ca.textProperty().bind(vm.extraCaTextProperty());
        Button browse = new Button(Messages.get("servers.ca.browse"));
        browse.setAccessibleText(Messages.get("servers.ca.browse.a11y"));
        browse.setMnemonicParsing(true);
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Messages.get("servers.ca"));
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PEM", "*.pem", "*.crt", "*.cer"),
                    new FileChooser.ExtensionFilter("*", "*"));
            File f = chooser.showOpenDialog(root.getScene().getWindow());
            if (f != null) {
                vm.useExtraCa(f.toPath());
            }
        });
        Button clear = new Button(Messages.get("servers.ca.clear"));
        clear.setAccessibleText(Messages.get("servers.ca.clear.a11y"));
        clear.disableProperty().bind(vm.extraCaProperty().isNull());
        clear.setOnAction(e -> vm.useExtraCa(null));
        HBox.setHgrow(ca, Priority.ALWAYS);
        return new HBox(8, ca, browse, clear);
    }

    public Node view() {
        return root;
    }

    /** Security modes by their labels ("SSL/TLS", "STARTTLS", ...). */
    private static final class SecurityConverter extends StringConverter<Security> {
        @Override
        public String toString(Security s) {
            return s == null ? "" : s.label();
        }

        @Override
        public Security fromString(String text) {
            for (Security s : Security.values()) {
                if (s.label().equals(text)) {
                    return s;
                }
            }
            return Security.STARTTLS;
        }
    }

    /** Turns what was typed into a port; anything that is not a number becomes 0, which validation names. */
    private static final class LenientPortConverter extends StringConverter<Number> {
        @Override
        public String toString(Number n) {
            return n == null ? "" : Integer.toString(n.intValue());
        }

        @Override
        public Number fromString(String text) {
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }

    /** A label that its grid column never cuts (a longer language widens the column instead). */
    private static Label formLabel(String key) {
        Label l = new Label(Messages.get(key));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
