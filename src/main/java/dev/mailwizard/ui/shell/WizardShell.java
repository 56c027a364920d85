package dev.mailwizard.ui.shell;

import dev.mailwizard.model.AppLanguage;
import dev.mailwizard.ui.Messages;
import dev.mailwizard.ui.Theme;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The wizard frame: the steps listed at the side, the current step in the middle, and
 * Cancel / Back / Next at the bottom. Next follows the step's {@code canGoNext()}, so a step can
 * hold it back until an asynchronous test has finished.
 */
public final class WizardShell {
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final List<WizardStep> steps;
    private final List<Label> stepLabels = new ArrayList<>();
    private final IntegerProperty index = new SimpleIntegerProperty(-1);
    private final Button back = new Button(Messages.get("shell.back"));
    private final Button next = new Button(Messages.get("shell.next"));
    private final Button cancel = new Button(Messages.get("shell.cancel"));
    private final ComboBox<Theme> theme = new ComboBox<>(FXCollections.observableArrayList(Theme.values()));
    private final ComboBox<AppLanguage> language = new ComboBox<>();
    private Runnable onFinish = () -> { };

    public WizardShell(List<WizardStep> steps, Runnable onCancel) {
        this.steps = List.copyOf(steps);
        root.getStyleClass().add("wizard");
        root.setLeft(buildStepList());
        content.getStyleClass().add("step-content");
        root.setCenter(content);
        root.setBottom(buildButtonBar(onCancel));
    }

    /** The product name, the steps (current, done, to do), and the language and theme choosers at the bottom. */
    private VBox buildStepList() {
        VBox side = new VBox(4);
        side.getStyleClass().add("step-list");
        Label product = new Label(Messages.get("app.title"));
        product.getStyleClass().add("product");
        side.getChildren().add(product);
        for (int i = 0; i < steps.size(); i++) {
            Label l = new Label((i + 1) + "  " + steps.get(i).title());
            l.getStyleClass().add("step-item");
            stepLabels.add(l);
            side.getChildren().add(l);
        }
        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        side.getChildren().addAll(grow, buildLanguageChooser(), buildThemeChooser());
        return side;
    }

    /** Light, dark or high contrast; the window applies the choice. */
    private VBox buildThemeChooser() {
        theme.setId("themeChooser");
        theme.setAccessibleHelp(Messages.get("shell.theme.help"));
        return sideChooser("shell.theme", theme, Theme::label);
    }

    /** Every language by its own name, the current one chosen; picking one is the window's business ({@link #languageChooser()}). */
    private VBox buildLanguageChooser() {
        language.setId("languageChooser");
        language.getItems().setAll(AppLanguage.values());
        language.setValue(AppLanguage.current());
        return sideChooser("shell.language", language, AppLanguage::nativeName);
    }

    /** A side-bar chooser under its label (which names it for screen readers), its items shown by {@code name}. */
    private static <T> VBox sideChooser(String labelKey, ComboBox<T> chooser, Function<T, String> name) {
        Label label = new Label(Messages.get(labelKey));
        label.getStyleClass().add("side-label");
        label.setMnemonicParsing(true);
        label.setLabelFor(chooser);
        chooser.setConverter(new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : name.apply(item);
            }

            @Override
            public T fromString(String text) {
                return chooser.getItems().stream().filter(item -> name.apply(item).equals(text)).findFirst().orElse(null);
            }
        });
        chooser.setMaxWidth(Double.MAX_VALUE);
        return new VBox(4, label, chooser);
    }

    /** Cancel on the left; Back and Next (Finish on the last step) on the right. */
    private HBox buildButtonBar(Runnable onCancel) {
        back.setId("back");
        next.setId("next");
        cancel.setId("cancel");
        back.setMnemonicParsing(true);
        next.setMnemonicParsing(true);
        cancel.setMnemonicParsing(true);
        next.setDefaultButton(true);
        cancel.setCancelButton(true);
        back.setOnAction(e -> show(index.get() - 1, false));
        next.setOnAction(e -> {
            if (index.get() == steps.size() - 1) {
                onFinish.run();
            } else {
                show(index.get() + 1, true);
            }
        });
        cancel.setOnAction(e -> onCancel.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, cancel, spacer, back, next);
        bar.getStyleClass().add("button-bar");
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.setPadding(new Insets(10, 16, 12, 16));
        return bar;
    }

    /** Shows {@code step}, one of this shell's steps; {@code forward} as below. */
    public void show(WizardStep step, boolean forward) {
        int i = steps.indexOf(step);
        if (i < 0) {
            throw new IllegalArgumentException("not a step of this wizard: " + step.title());
        }
        show(i, forward);
    }

    /** Shows step {@code i}; {@code forward} tells it whether the user moved on or came back. */
    public void show(int i, boolean forward) {
        if (i < 0 || i >= steps.size()) {
            return;
        }
        WizardStep step = steps.get(i);
        display(i);
        step.onEnter(forward);
        // After the step's own reaction to being entered, which may show, hide or disable fields.
        Platform.runLater(() -> {
            Node focus = step.focusTarget() != null ? step.focusTarget() : firstField(step.view());
            if (focus != null) {
                focus.requestFocus();
            }
        });
    }

    /** Shows step {@code i} as it stands, without telling it it was entered (a re-labelled wizard shows the same step). */
    public void showAgain(int i) {
        if (i >= 0 && i < steps.size()) {
            display(i);
        }
    }

    /** Which step is shown, -1 before the first. */
    public int currentIndex() {
        return index.get();
    }

    private void display(int i) {
        WizardStep step = steps.get(i);
        index.set(i);
        content.getChildren().setAll(step.view());
        for (int k = 0; k < stepLabels.size(); k++) {
            stepLabels.get(k).getStyleClass().removeAll("current", "done");
            stepLabels.get(k).getStyleClass().add(k == i ? "current" : k < i ? "done" : "todo");
        }
        next.disableProperty().bind(Bindings.not(step.canGoNext()));
        back.disableProperty().bind(Bindings.createBooleanBinding(() -> i == 0, index).or(Bindings.not(step.canGoBack())));
        next.setText(i == steps.size() - 1 ? Messages.get("shell.finish") : Messages.get("shell.next"));
    }

    /** The first control, in Tab order, that can take the focus now: visible, enabled, focus-traversable. */
    static Node firstField(Node node) {
        if (!node.isVisible() || node.isDisabled()) {
            return null;
        }
        if (node.isFocusTraversable()) {
            return node;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Node found = firstField(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    public void onFinish(Runnable r) {
        onFinish = r;
    }

    /** The theme chooser's choice; the window sets it from the system and applies every change. */
    public ObjectProperty<Theme> themeProperty() {
        return theme.valueProperty();
    }

    /** The side bar's language chooser: its value is the language the user picked. */
    public ComboBox<AppLanguage> languageChooser() {
        return language;
    }

    public Node view() {
        return root;
    }
}
