package dev.mailwizard.ui;

import dev.mailwizard.demo.DemoServers;
import dev.mailwizard.probe.ProbeResult;
import dev.mailwizard.ui.account.AccountView;
import dev.mailwizard.ui.account.AccountViewModel;
import dev.mailwizard.ui.cert.CertificateView;
import dev.mailwizard.ui.export.ExportView;
import dev.mailwizard.ui.export.ExportViewModel;
import dev.mailwizard.ui.helpdesk.HelpdeskPane;
import dev.mailwizard.ui.helpdesk.HelpdeskViewModel;
import dev.mailwizard.ui.result.ResultView;
import dev.mailwizard.ui.result.ResultViewModel;
import dev.mailwizard.ui.servers.ServersView;
import dev.mailwizard.ui.servers.ServersViewModel;
import dev.mailwizard.ui.shell.WizardShell;
import dev.mailwizard.ui.shell.WizardStep;
import dev.mailwizard.ui.task.TaskRunner;
import dev.mailwizard.ui.task.UiDispatcher;
import dev.mailwizard.ui.testing.TestingView;
import dev.mailwizard.ui.testing.TestingViewModel;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** Builds the wizard window: the five steps, their ViewModels, and the shell that joins them. */
public final class WizardWindow {
    static final int TESTING = 2;
    private final Stage stage;
    private final WizardState state;
    private final WizardShell shell;
    private final TestingViewModel testing;
    private final ServersViewModel servers;
    private final Scene scene;

    public WizardWindow(Stage stage, WizardState state, TaskRunner runner, UiDispatcher ui) {
        this(stage, state, runner, ui, ServersViewModel::standardDiscovery);
    }

    /** With a chosen discovery (tests use guessing only, to stay off the network). */
    public WizardWindow(Stage stage, WizardState state, TaskRunner runner, UiDispatcher ui,
                        java.util.function.Function<WizardState, dev.mailwizard.discovery.Discovery> discovery) {
        this.stage = stage;
        this.state = state;
        AccountViewModel accountVm = new AccountViewModel(state);
        AccountView accountView = new AccountView(accountVm);
        ServersViewModel serversVm = new ServersViewModel(state, runner, discovery);
        this.servers = serversVm;
        ServersView serversView = new ServersView(serversVm);
        this.testing = new TestingViewModel(state, runner, ui);
        TestingView testingView = new TestingView(testing, this::showCertificate);
        ResultViewModel resultVm = new ResultViewModel(state);
        HelpdeskPane helpdesk = new HelpdeskPane(new HelpdeskViewModel(state));
        ResultView resultView = new ResultView(resultVm, helpdesk.view(), this::showCertificate, p -> trust(resultVm, p));
        ExportViewModel exportVm = new ExportViewModel(state, runner, System.getProperty("os.name", ""),
                java.nio.file.Path.of(System.getProperty("user.home", ".")));
        ExportView exportView = new ExportView(exportVm);

        List<WizardStep> steps = List.of(
                step(Messages.get("step.account"), accountView.view(), accountVm.validProperty(), f -> { }, accountView::focus),
                step(Messages.get("step.servers"), serversView.view(), serversVm.validProperty(), f -> serversVm.prepare(), null),
                step(Messages.get("step.testing"), testingView.view(),
                        testing.finishedProperty().and(testing.runningProperty().not()), f -> {
                            if (f) {
                                testing.start();
                            }
                        }, null, testing.runningProperty().not()),
                step(Messages.get("step.result"), resultView.view(), Bindings.createBooleanBinding(() -> true), f -> { }, null),
                step(Messages.get("step.export"), exportView.view(), exportVm.runningProperty().not(), f -> { }, exportView::focus));
        shell = new WizardShell(steps, this::cancel);
        shell.onFinish(stage::close);
        accountView.demoLink().setOnAction(e -> startDemo());

        scene = new Scene((javafx.scene.Parent) shell.view(), 1200, 740);
        boolean dark = Theme.systemPrefersDark();
        shell.darkToggle().setSelected(dark);
        Theme.apply(scene, dark);
        shell.darkToggle().selectedProperty().addListener((o, a, b) -> Theme.apply(scene, b));
        stage.setScene(scene);
        stage.setTitle(Messages.get("app.title"));
        stage.setMinWidth(900);
        stage.setMinHeight(620);
        for (int size : new int[]{16, 32, 48, 64, 128, 256}) {
            var in = WizardWindow.class.getResourceAsStream("/dev/mailwizard/ui/icons/mailwizard-" + size + ".png");
            if (in != null) {
                stage.getIcons().add(new Image(in));
            }
        }
        stage.setOnHidden(e -> dispose());
        shell.show(0, true);
    }

    private interface Enter {
        void run(boolean forward);
    }

    private static WizardStep step(String title, Node view, ObservableBooleanValue canNext, Enter enter, Runnable focus) {
        return step(title, view, canNext, enter, focus, Bindings.createBooleanBinding(() -> true));
    }

    private static WizardStep step(String title, Node view, ObservableBooleanValue canNext, Enter enter, Runnable focus,
                                   ObservableBooleanValue canBack) {
        return new WizardStep() {
            @Override
            public String title() {
                return title;
            }

            @Override
            public Node view() {
                return view;
            }

            @Override
            public ObservableBooleanValue canGoNext() {
                return canNext;
            }

            @Override
            public ObservableBooleanValue canGoBack() {
                return canBack;
            }

            @Override
            public void onEnter(boolean forward) {
                enter.run(forward);
                if (focus != null) {
                    javafx.application.Platform.runLater(focus);
                }
            }
        };
    }

    /** Cancel: stops a running test; otherwise closes the window. */
    private void cancel() {
        if (testing.runningProperty().get()) {
            testing.cancel();
        } else {
            stage.close();
        }
    }

    /** "Try the demo": demo servers on loopback, a made-up account, straight to the test. */
    void startDemo() {
        prepareDemo();
        shell.show(TESTING, true);
    }

    /** Starts the demo servers (once) and fills the account and server list for them. */
    void prepareDemo() {
        DemoServers old = state.demoProperty().get();
        if (old == null) {
            DemoServers demo = DemoServers.start();
            state.demoProperty().set(demo);
        }
        DemoServers demo = state.demoProperty().get();
        state.nameProperty().set("Alice Demo");
        state.addressProperty().set(DemoServers.ADDRESS);
        state.passwordProperty().set(new String(demo.password()));
        state.loginProperty().set("");
        state.timeoutSecondsProperty().set(3);
        state.serversFilledFor(null);
        servers.prepare(); // demo mode: the demo's endpoints, no discovery
    }

    private void showCertificate(ProbeResult r) {
        if (!CertificateView.hasCertificate(r)) {
            return;
        }
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(stage);
        alert.setTitle(Messages.get("cert.title"));
        alert.setHeaderText(Messages.get("cert.header", OutcomeTexts.endpoint(r)));
        alert.getDialogPane().setContent(CertificateView.of(r));
        alert.getDialogPane().getStylesheets().setAll(scene.getStylesheets());
        alert.setResizable(true);
        alert.showAndWait();
    }

    private void trust(ResultViewModel vm, ProbeResult r) {
        ResultViewModel.TrustLevel level = ResultViewModel.trustLevel(r);
        Alert alert = new Alert(level == ResultViewModel.TrustLevel.WARN_STRONGLY ? Alert.AlertType.WARNING : Alert.AlertType.CONFIRMATION);
        alert.initOwner(stage);
        alert.setTitle(Messages.get("trust.title"));
        alert.setHeaderText(Messages.get("trust.header", OutcomeTexts.endpoint(r)));
        Label text = new Label(ResultViewModel.trustWarning(r));
        text.setWrapText(true);
        text.setMaxWidth(560);
        alert.getDialogPane().setContent(new VBox(12, text, CertificateView.of(r)));
        alert.getDialogPane().getStylesheets().setAll(scene.getStylesheets());
        ButtonType trustIt = new ButtonType(Messages.get("trust.confirm"), ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(Messages.get("trust.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(no, trustIt);
        // Nothing happens on Enter by accident: the safe choice is the default.
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(trustIt)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(no)).setDefaultButton(true);
        alert.showAndWait().filter(b -> b == trustIt).ifPresent(b -> {
            vm.trust(r);
            shell.show(TESTING, true);
        });
    }

    private void dispose() {
        testing.cancel();
        DemoServers demo = state.demoProperty().get();
        if (demo != null) {
            demo.close();
        }
        state.clearSecrets();
    }

    public WizardShell shell() {
        return shell;
    }

    public WizardState state() {
        return state;
    }

    public Scene scene() {
        return scene;
    }
}
