package dev.mailwizard.ui.account;

import dev.mailwizard.ui.Icons;
import dev.mailwizard.ui.Messages;
import dev.mailwizard.ui.StepTexts;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

/** The Account step's form; binds to {@link AccountViewModel} and holds no logic of its own. */
public final class AccountView {
    private final VBox root = new VBox(18);
    private final AccountViewModel vm;
    private final TextField address = new TextField();

    /** @param onDemo what "Try the demo" does */
    public AccountView(AccountViewModel vm, Runnable onDemo) {
        this.vm = vm;
        root.getStyleClass().add("step");
        root.getChildren().addAll(StepTexts.heading(Messages.get("account.heading")), StepTexts.intro(Messages.get("account.intro")),
                buildForm(), buildDemoLink(onDemo));
    }

    private GridPane buildForm() {
        TextField name = new TextField();
        name.setId("name");
        name.setPromptText(Messages.get("account.name.prompt"));
        name.textProperty().bindBidirectional(vm.nameProperty());
        address.setId("address");
        address.setPromptText(Messages.get("account.address.prompt"));
        address.textProperty().bindBidirectional(vm.addressProperty());
        address.accessibleHelpProperty().bind(vm.shownAddressErrorProperty());
        PasswordField password = new PasswordField();
        TextField passwordShown = new TextField();
        TextField login = buildLogin();

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
        form.add(buildAddressError(), 1, row++);
        form.addRow(row++, passwordLabel(password, passwordShown), buildPasswordFields(password, passwordShown), buildShowPassword());
        form.add(buildPasswordHint(), 1, row++);
        form.add(buildProviderHint(), 1, row++);
        form.add(buildSignInChoice(), 1, row++);
        form.addRow(row++, label("account.login", login), login);
        Label loginHint = new Label(Messages.get("account.login.hint"));
        loginHint.getStyleClass().add("field-hint");
        loginHint.setMinHeight(Region.USE_PREF_SIZE);
        form.add(loginHint, 1, row);
        validateAddress();
        return form;
    }

    /** The field's error decoration (ControlsFX), from the same text as the label under it. */
    private void validateAddress() {
        ValidationSupport validation = new ValidationSupport();
        validation.registerValidator(address, false, (Validator<String>) (control, value) ->
                ValidationResult.fromMessageIf(control, vm.addressErrorProperty().get() == null ? "" : vm.addressErrorProperty().get(),
                        Severity.ERROR, value != null && !value.isEmpty() && vm.addressErrorProperty().get() != null));
    }

    private Label buildAddressError() {
        Label addressError = new Label();
        addressError.setId("addressError");
        addressError.getStyleClass().add("field-error");
        addressError.setWrapText(true);
        addressError.textProperty().bind(vm.shownAddressErrorProperty());
        return addressError;
    }

    /** The password, hidden or shown: two fields on the same text, one visible at a time. */
    private StackPane buildPasswordFields(PasswordField password, TextField passwordShown) {
        password.setId("password");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        password.accessibleHelpProperty().bind(vm.passwordHintProperty());
        passwordShown.setId("passwordShown");
        passwordShown.accessibleHelpProperty().bind(vm.passwordHintProperty());
        passwordShown.textProperty().bindBidirectional(vm.passwordProperty());
        passwordShown.visibleProperty().bind(vm.passwordVisibleProperty());
        password.visibleProperty().bind(vm.passwordVisibleProperty().not());
        // Signing in in the browser needs no password.
        password.disableProperty().bind(vm.signInSelectedProperty());
        passwordShown.disableProperty().bind(vm.signInSelectedProperty());
        return new StackPane(password, passwordShown);
    }

    private ToggleButton buildShowPassword() {
        ToggleButton show = new ToggleButton();
        show.setId("showPassword");
        show.setGraphic(Icons.eye());
        show.selectedProperty().bindBidirectional(vm.passwordVisibleProperty());
        show.setAccessibleText(Messages.get("account.password.show"));
        show.setTooltip(new Tooltip(Messages.get("account.password.show")));
        show.setFocusTraversable(true);
        show.disableProperty().bind(vm.signInSelectedProperty());
        return show;
    }

    private Label buildPasswordHint() {
        Label passwordHint = new Label();
        passwordHint.getStyleClass().add("field-hint");
        passwordHint.setMinHeight(Region.USE_PREF_SIZE);
        passwordHint.setWrapText(true);
        passwordHint.textProperty().bind(vm.passwordHintProperty());
        return passwordHint;
    }

    /** What the provider takes instead of the normal password, with its help page; hidden while nothing needs saying. */
    private VBox buildProviderHint() {
        Label hint = new Label();
        hint.setId("providerHint");
        hint.getStyleClass().add("provider-hint");
        hint.setWrapText(true);
        hint.textProperty().bind(vm.providerHintProperty());
        Hyperlink help = new Hyperlink();
        help.setId("providerHelp");
        help.textProperty().bind(vm.providerHelpProperty().map(l -> l.description() + " (" + hostOf(l.url()) + ")").orElse(""));
        help.visibleProperty().bind(vm.providerHelpProperty().isNotNull());
        help.managedProperty().bind(help.visibleProperty());
        help.setOnAction(e -> vm.openProviderHelp());
        help.setWrapText(true);
        help.accessibleHelpProperty().bind(vm.providerHintProperty());
        VBox box = new VBox(2, hint, help);
        box.visibleProperty().bind(vm.providerHintProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /**
     * Sign in in the browser or use a password, and "remember", for a provider that takes OAuth2;
     * without a registration the choice is disabled (showing the password) and the note says why.
     */
    private VBox buildSignInChoice() {
        ToggleGroup how = new ToggleGroup();
        RadioButton browser = new RadioButton();
        browser.setId("signInBrowser");
        browser.setWrapText(true);
        browser.textProperty().bind(vm.signInChoiceProperty());
        browser.setToggleGroup(how);
        RadioButton password = new RadioButton(Messages.get("account.signin.password"));
        password.setId("signInPassword");
        password.setWrapText(true);
        password.setToggleGroup(how);
        // The buttons show what the test will do; choosing one (click, or arrow keys) while the choice is
        // offered changes it. Without a registration they show the password, and the choice made stays.
        how.selectToggle(vm.signInSelectedProperty().get() ? browser : password);
        vm.signInSelectedProperty().addListener((o, was, now) -> how.selectToggle(now ? browser : password));
        how.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null && vm.signInOfferedProperty().get()) {
                vm.signInChosenProperty().set(now == browser);
            }
        });
        browser.disableProperty().bind(vm.signInOfferedProperty().not());
        password.disableProperty().bind(vm.signInOfferedProperty().not());

        CheckBox remember = new CheckBox(Messages.get("account.signin.remember"));
        remember.setId("rememberSignIn");
        remember.selectedProperty().bindBidirectional(vm.rememberSignInProperty());
        remember.setWrapText(true);
        remember.disableProperty().bind(vm.signInSelectedProperty().not());
        remember.visibleProperty().bind(vm.signInOfferedProperty());
        remember.managedProperty().bind(remember.visibleProperty());
        VBox.setMargin(remember, new Insets(0, 0, 0, 24));

        Label note = new Label();
        note.setId("signInUnavailable");
        note.getStyleClass().add("field-hint");
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.setWrapText(true);
        note.textProperty().bind(vm.signInNoteProperty());
        note.visibleProperty().bind(vm.signInNoteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        browser.accessibleHelpProperty().bind(vm.signInNoteProperty());
        password.accessibleHelpProperty().bind(vm.signInNoteProperty());

        VBox box = new VBox(6, browser, remember, password, note);
        box.getStyleClass().add("sign-in-choice");
        box.visibleProperty().bind(vm.signInAvailableProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static String hostOf(String url) {
        String host = java.net.URI.create(url).getHost();
        return host == null ? url : host;
    }

    private TextField buildLogin() {
        TextField login = new TextField();
        login.setId("login");
        login.promptTextProperty().bind(vm.loginPromptProperty());
        login.textProperty().bindBidirectional(vm.loginProperty());
        login.setAccessibleHelp(Messages.get("account.login.hint"));
        return login;
    }

    private static Hyperlink buildDemoLink(Runnable onDemo) {
        Hyperlink demoLink = new Hyperlink(Messages.get("account.demo"));
        demoLink.setId("demoLink");
        demoLink.setWrapText(true);
        demoLink.setMinHeight(Region.USE_PREF_SIZE);
        demoLink.setOnAction(e -> onDemo.run());
        VBox.setMargin(demoLink, new Insets(8, 0, 0, 0));
        return demoLink;
    }

    /** "Password" names whichever of the two password fields is shown (its mnemonic goes there too). */
    private Label passwordLabel(PasswordField password, TextField passwordShown) {
        Label l = label("account.password", password);
        l.labelForProperty().bind(vm.passwordVisibleProperty().map(shown -> shown ? passwordShown : password));
        return l;
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
}
