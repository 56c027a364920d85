package dev.mailwizard.ui.account;

import dev.mailwizard.ui.Icons;
import dev.mailwizard.ui.Messages;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

/** The Account step's form; binds to {@link AccountViewModel} and holds no logic of its own. */
public final class AccountView {
    private final VBox root = new VBox(18);
    private final TextField address = new TextField();
    private final Hyperlink demoLink = new Hyperlink(Messages.get("account.demo"));

    /** @param onDemo what "Try the demo" does */
    public AccountView(AccountViewModel vm, Runnable onDemo) {
        root.getStyleClass().add("step");
        Label heading = new Label(Messages.get("account.heading"));
        heading.getStyleClass().add("step-heading");
        Label intro = new Label(Messages.get("account.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("step-intro");

        TextField name = new TextField();
        name.setId("name");
        name.setPromptText(Messages.get("account.name.prompt"));
        name.textProperty().bindBidirectional(vm.state().nameProperty());

        address.setId("address");
        address.setPromptText(Messages.get("account.address.prompt"));
        address.textProperty().bindBidirectional(vm.state().addressProperty());
        Label addressError = new Label();
        addressError.setId("addressError");
        addressError.getStyleClass().add("field-error");
        addressError.setWrapText(true);
        // Show the error only once the user has typed something.
        addressError.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                vm.state().addressProperty().get().isEmpty() || vm.addressErrorProperty().get() == null ? "" : vm.addressErrorProperty().get(),
                vm.state().addressProperty(), vm.addressErrorProperty()));

        PasswordField password = new PasswordField();
        password.setId("password");
        password.textProperty().bindBidirectional(vm.state().passwordProperty());
        TextField passwordShown = new TextField();
        passwordShown.setId("passwordShown");
        passwordShown.textProperty().bindBidirectional(vm.state().passwordProperty());
        passwordShown.visibleProperty().bind(vm.passwordVisibleProperty());
        password.visibleProperty().bind(vm.passwordVisibleProperty().not());
        StackPane passwordStack = new StackPane(password, passwordShown);
        ToggleButton show = new ToggleButton();
        show.setId("showPassword");
        show.setGraphic(Icons.eye());
        show.selectedProperty().bindBidirectional(vm.passwordVisibleProperty());
        show.setAccessibleText(Messages.get("account.password.show"));
        show.setTooltip(new Tooltip(Messages.get("account.password.show")));
        show.setFocusTraversable(true);
        Label passwordHint = new Label();
        passwordHint.getStyleClass().add("field-hint");
        passwordHint.setWrapText(true);
        passwordHint.textProperty().bind(vm.passwordHintProperty());

        TextField login = new TextField();
        login.setId("login");
        login.promptTextProperty().bind(vm.state().addressProperty().map(a -> a.isBlank() ? Messages.get("account.login.prompt") : a));
        login.textProperty().bindBidirectional(vm.state().loginProperty());

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(150);
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMaxWidth(420);
        form.getColumnConstraints().addAll(labels, fields, new ColumnConstraints());
        int row = 0;
        form.addRow(row++, label("account.name", name), name);
        form.addRow(row++, label("account.address", address), address);
        form.add(addressError, 1, row++);
        form.addRow(row++, label("account.password", password), passwordStack, show);
        form.add(passwordHint, 1, row++);
        form.addRow(row++, label("account.login", login), login);
        Label loginHint = new Label(Messages.get("account.login.hint"));
        loginHint.getStyleClass().add("field-hint");
        form.add(loginHint, 1, row);

        ValidationSupport validation = new ValidationSupport();
        validation.registerValidator(address, false, (Validator<String>) (control, value) ->
                ValidationResult.fromMessageIf(control, vm.addressErrorProperty().get() == null ? "" : vm.addressErrorProperty().get(),
                        Severity.ERROR, value != null && !value.isEmpty() && vm.addressErrorProperty().get() != null));

        demoLink.setId("demoLink");
        demoLink.setOnAction(e -> onDemo.run());
        VBox.setMargin(demoLink, new Insets(8, 0, 0, 0));
        root.getChildren().addAll(heading, intro, form, demoLink);
    }

    private static Label label(String key, Node field) {
        Label l = new Label(Messages.get(key));
        l.setMnemonicParsing(true);
        l.setLabelFor(field);
        return l;
    }

    public Node view() {
        return root;
    }

    public void focus() {
        address.requestFocus();
    }
}
