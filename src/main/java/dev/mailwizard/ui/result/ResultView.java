package dev.mailwizard.ui.result;

import dev.mailwizard.probe.ProbeResult;
import dev.mailwizard.ui.Icons;
import dev.mailwizard.ui.Messages;
import dev.mailwizard.ui.OutcomeSignal;
import dev.mailwizard.ui.cert.CertificateView;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Result step: the answer first, then what failed and why, then the help-desk details. */
public final class ResultView {
    private final ScrollPane scroll;
    private final VBox failuresBox = new VBox(10);
    private final VBox conclusionsBox = new VBox(10);
    private final ResultViewModel vm;
    private final Consumer<ProbeResult> showCertificate;
    private final Consumer<ProbeResult> trust;

    /** @param helpdesk the help-desk drawer's content, shown folded at the bottom */
    public ResultView(ResultViewModel vm, Node helpdesk, Consumer<ProbeResult> showCertificate, Consumer<ProbeResult> trustCertificate) {
        this.vm = vm;
        this.showCertificate = showCertificate;
        this.trust = trustCertificate;
        Label why = new Label();
        why.setId("resultWhy");
        why.setWrapText(true);
        why.textProperty().bind(vm.whyProperty());
        VBox root = new VBox(14);
        root.getStyleClass().add("step");
        root.getChildren().addAll(buildHeadline(), buildConclusions(), buildSettings(), why, buildWarnings(), buildFailuresHeading(),
                buildFailures(), buildHelpdesk(helpdesk));
        scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("step-scroll");
    }

    private Label buildHeadline() {
        Label headline = new Label();
        headline.setId("resultHeadline");
        headline.getStyleClass().add("step-heading");
        headline.textProperty().bind(vm.headlineProperty());
        vm.kindProperty().addListener((o, a, b) -> styleKind(headline, b));
        styleKind(headline, vm.kindProperty().get());
        return headline;
    }

    /** The recommended settings: incoming and outgoing side by side, and Copy. */
    private VBox buildSettings() {
        GridPane settings = settingsCard("settings");
        settings.addRow(0, key("result.server"), value(vm.serverProperty(), "resultServer"));
        settings.addRow(1, key("result.port"), value(vm.portProperty(), "resultPort"));
        settings.addRow(2, key("result.security"), value(vm.securityProperty(), "resultSecurity"));
        settings.addRow(3, key("result.login"), value(vm.loginProperty(), "resultLogin"));
        showWhile(settings, vm.hasOutgoingProperty());
        GridPane incoming = settingsCard("incomingSettings");
        Label incomingKey = key("result.port");
        incomingKey.textProperty().bind(vm.incomingProtocolProperty().map(p -> Messages.get("result.incoming.server", p)));
        incoming.addRow(0, incomingKey, value(vm.incomingServerProperty(), "incomingServer"));
        incoming.addRow(1, key("result.port"), value(vm.incomingPortProperty(), "incomingPort"));
        incoming.addRow(2, key("result.security"), value(vm.incomingSecurityProperty(), "incomingSecurity"));
        incoming.addRow(3, key("result.login"), value(vm.loginProperty(), "incomingLogin"));
        showWhile(incoming, vm.hasIncomingProperty());
        HBox cards = new HBox(12, incoming, settings);
        VBox card = new VBox(10, cards, buildCopyRow());
        showWhile(card, vm.hasRecommendationProperty());
        return card;
    }

    private static GridPane settingsCard(String id) {
        GridPane card = new GridPane();
        card.setId(id);
        card.getStyleClass().add("settings-card");
        card.setHgap(16);
        card.setVgap(6);
        card.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(card, Priority.ALWAYS);
        return card;
    }

    private static void showWhile(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    private HBox buildCopyRow() {
        Button copy = new Button(Messages.get("result.copy"), Icons.copy());
        copy.setId("copySettings");
        copy.setMnemonicParsing(true);
        Label copied = new Label();
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(vm.clipboardText());
            Clipboard.getSystemClipboard().setContent(c);
            copied.setText(Messages.get("result.copied"));
        });
        HBox copyRow = new HBox(10, copy, copied);
        copyRow.setAlignment(Pos.CENTER_LEFT);
        return copyRow;
    }

    private VBox buildConclusions() {
        conclusionsBox.setId("conclusions");
        showWhile(conclusionsBox, Bindings.isNotEmpty(vm.conclusions()));
        vm.conclusions().addListener((ListChangeListener<Conclusion>) c -> fillConclusions());
        fillConclusions();
        return conclusionsBox;
    }

    private Label buildFailuresHeading() {
        Label failuresHeading = new Label(Messages.get("result.failures"));
        failuresHeading.getStyleClass().add("section-heading");
        showWhile(failuresHeading, Bindings.isNotEmpty(vm.failures()));
        return failuresHeading;
    }

    private VBox buildFailures() {
        failuresBox.setId("failures");
        vm.failures().addListener((ListChangeListener<FailureItem>) c -> fillFailures());
        fillFailures();
        return failuresBox;
    }

    private VBox buildWarnings() {
        VBox warningsBox = new VBox(4);
        vm.warnings().addListener((ListChangeListener<String>) c -> fillWarnings(warningsBox, vm));
        fillWarnings(warningsBox, vm);
        return warningsBox;
    }

    private static TitledPane buildHelpdesk(Node helpdesk) {
        TitledPane pane = new TitledPane(Messages.get("helpdesk.title"), helpdesk);
        pane.setId("helpdesk");
        pane.setExpanded(false);
        return pane;
    }

    /** The headline's colour and its icon, whose shape says the same without colour (the words say it too). */
    private static void styleKind(Label headline, ResultKind kind) {
        headline.getStyleClass().removeAll("result-ok", "result-bad", "result-warn");
        headline.getStyleClass().add(switch (kind) {
            case OK -> "result-ok";
            case NONE -> "result-bad";
            case REJECTED, PLAIN -> "result-warn";
        });
        OutcomeSignal signal = switch (kind) {
            case OK -> OutcomeSignal.WORKS;
            case NONE -> OutcomeSignal.FAILS;
            case REJECTED, PLAIN -> OutcomeSignal.WARNING;
        };
        headline.setGraphic(signal.icon());
    }

    /** Each conclusion first, in words; the rows it stands for folded away under it. */
    private void fillConclusions() {
        conclusionsBox.getChildren().clear();
        for (Conclusion c : vm.conclusions()) {
            Label text = new Label(c.text(), Icons.warning());
            text.setWrapText(true);
            text.getStyleClass().add("conclusion");
            HBox head = new HBox(10, text);
            HBox.setHgrow(text, Priority.ALWAYS);
            head.setAlignment(Pos.CENTER_LEFT);
            // A certificate shared by every port can be trusted from the conclusion, without unfolding the rows.
            c.rows().stream().filter(FailureItem::canTrust).findFirst().ifPresent(f -> head.getChildren().add(trustButton(f, trust)));
            VBox box = new VBox(6, head);
            box.getStyleClass().add("conclusion-card");
            if (!c.rows().isEmpty()) {
                VBox rows = new VBox(10);
                c.rows().forEach(f -> rows.getChildren().add(failureLine(f, showCertificate, trust)));
                TitledPane details = new TitledPane(Messages.get("result.conclusion.rows", c.rows().size()), rows);
                details.setExpanded(false);
                details.getStyleClass().add("conclusion-rows");
                box.getChildren().add(details);
            }
            conclusionsBox.getChildren().add(box);
        }
    }

    private void fillFailures() {
        failuresBox.getChildren().clear();
        vm.failures().forEach(f -> failuresBox.getChildren().add(failureLine(f, showCertificate, trust)));
    }

    private static HBox failureLine(FailureItem f, Consumer<ProbeResult> showCertificate, Consumer<ProbeResult> trust) {
        OutcomeSignal signal = OutcomeSignal.of(f.outcome());
        Label title = new Label(Messages.get("result.failure.title", f.endpoint(), signal.word(), f.outcome().name()));
        title.getStyleClass().add("failure-title");
        Label text = new Label(f.explanation());
        text.setWrapText(true);
        VBox words = new VBox(2, title, text);
        HBox.setHgrow(words, Priority.ALWAYS);
        HBox line = new HBox(10, signal.icon(), words);
        line.getStyleClass().add("failure");
        if (CertificateView.hasCertificate(f.result())) {
            Button cert = new Button(Messages.get("result.certificate"));
            cert.setAccessibleText(Messages.get("result.certificate.of", f.endpoint()));
            cert.setMinWidth(Region.USE_PREF_SIZE);
            cert.setOnAction(e -> showCertificate.accept(f.result()));
            line.getChildren().add(cert);
        }
        if (f.canTrust()) {
            line.getChildren().add(trustButton(f, trust));
        }
        return line;
    }

    private static Button trustButton(FailureItem f, Consumer<ProbeResult> trust) {
        Button trustButton = new Button(Messages.get("result.trust"));
        trustButton.setId("trust");
        trustButton.setAccessibleText(Messages.get("result.trust.of", f.endpoint()));
        trustButton.setMinWidth(Region.USE_PREF_SIZE);
        trustButton.getStyleClass().add("trust-button");
        trustButton.setOnAction(e -> trust.accept(f.result()));
        return trustButton;
    }

    private static void fillWarnings(VBox box, ResultViewModel vm) {
        box.getChildren().clear();
        for (String w : vm.warnings()) {
            Label l = new Label(w, Icons.warning());
            l.setWrapText(true);
            box.getChildren().add(l);
        }
    }

    private static Label key(String k) {
        Label l = new Label(Messages.get(k));
        l.getStyleClass().add("settings-key");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label value(javafx.beans.value.ObservableValue<String> v, String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("settings-value");
        l.textProperty().bind(v);
        return l;
    }

    public Node view() {
        return scroll;
    }
}
