package dev.mailwizard.ui.export;

import dev.mailwizard.ui.Icons;
import dev.mailwizard.ui.Messages;

import java.io.ByteArrayInputStream;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The phone's QR code, large, beside what to do with it: scan it in Thunderbird, tick to put the
 * password in, and then the warning. The picture is shown at its own size, one image pixel per
 * screen pixel (whole pixels per module, no smoothing), so every module edge stays sharp.
 */
final class PhoneCodePane {
    private final VBox root = new VBox(10);
    private final PhoneCodeViewModel vm;

    PhoneCodePane(PhoneCodeViewModel vm) {
        this.vm = vm;
        root.setId("phoneCodeBox");
        root.getStyleClass().add("settings-card");
        Label heading = new Label(Messages.get("export.phone.heading"));
        heading.getStyleClass().add("section-heading");
        Label refused = new Label();
        refused.setId("phoneCodeRefusal");
        refused.setWrapText(true);
        refused.setGraphic(Icons.warning());
        refused.textProperty().bind(Bindings.createStringBinding(
                () -> vm.refusalProperty().get().isEmpty() ? "" : Messages.get("export.phone.refused", vm.refusalProperty().get()), vm.refusalProperty()));
        showWhen(refused, Bindings.isNotEmpty(vm.refusalProperty()));
        HBox code = new HBox(18, buildPicture(), buildInstructions());
        code.setAlignment(Pos.TOP_LEFT);
        showWhen(code, vm.pictureProperty().isNotNull());
        root.getChildren().addAll(heading, refused, code);
        showWhen(root, vm.shownProperty());
    }

    private ImageView buildPicture() {
        ImageView picture = new ImageView();
        picture.setId("phoneCode");
        picture.setSmooth(false);
        picture.setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        picture.setAccessibleText(Messages.get("export.phone.code.a11y"));
        picture.imageProperty().bind(Bindings.createObjectBinding(
                () -> vm.pictureProperty().get() == null ? null : new Image(new ByteArrayInputStream(vm.pictureProperty().get())), vm.pictureProperty()));
        return picture;
    }

    private VBox buildInstructions() {
        Label scan = new Label(Messages.get("export.phone.scan"));
        scan.setId("phoneCodeScan");
        scan.getStyleClass().add("conclusion");
        scan.setWrapText(true);
        Label asks = new Label(Messages.get("export.phone.asks"));
        asks.setWrapText(true);
        showWhen(asks, vm.holdsPasswordProperty().not());
        CheckBox password = new CheckBox(Messages.get("export.phone.password"));
        password.setId("phoneCodePassword");
        password.setMnemonicParsing(true);
        password.selectedProperty().bindBidirectional(vm.includePasswordProperty());
        password.disableProperty().bind(vm.passwordAvailableProperty().not());
        Label warning = new Label(Messages.get("export.phone.warning"), Icons.warning());
        warning.setId("phoneCodeWarning");
        warning.getStyleClass().add("result-warn");
        warning.setWrapText(true);
        showWhen(warning, vm.holdsPasswordProperty());
        Label notes = new Label();
        notes.setId("phoneCodeNotes");
        notes.getStyleClass().add("field-hint");
        notes.setWrapText(true);
        notes.textProperty().bind(vm.notesProperty());
        showWhen(notes, Bindings.isNotEmpty(vm.notesProperty()));
        VBox box = new VBox(10, scan, asks, password, warning, notes);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMinWidth(220);
        return box;
    }

    private static void showWhen(Node n, javafx.beans.value.ObservableValue<Boolean> condition) {
        n.visibleProperty().bind(condition);
        n.managedProperty().bind(n.visibleProperty());
    }

    Node view() {
        return root;
    }
}
