package dev.mailwizard.ui.app;

import dev.mailwizard.discovery.Discovery;
import dev.mailwizard.model.AppLanguage;
import dev.mailwizard.ui.LinkOpener;
import dev.mailwizard.ui.Messages;
import dev.mailwizard.ui.SignInSupport;
import dev.mailwizard.ui.Theme;
import dev.mailwizard.ui.WizardState;
import dev.mailwizard.ui.account.AccountView;
import dev.mailwizard.ui.account.AccountViewModel;
import dev.mailwizard.ui.app.WizardViewModel.Page;
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

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The composition root: builds the ViewModels and views of the five steps, joins them with the
 * shell, and puts them in the stage. What the wizard does lives in {@link WizardViewModel}.
 */
public final class WizardWindow {
    private final Stage stage;
    private final WizardState state;
    private final FxWizardDialogs dialogs;
    private final WizardViewModel vm;
    private final Map<Page, WizardStep> steps = new EnumMap<>(Page.class);
    private WizardShell shell;
    private final Scene scene;

    /** The program's window: real discovery, and the user's sign-in registrations, browser and keyring. */
    public WizardWindow(Stage stage, WizardState state, TaskRunner runner, UiDispatcher ui) {
        this(stage, state, runner, ui, ServersViewModel::standardDiscovery, SignInSupport.system());
    }

    /** With a chosen discovery (tests use guessing only, to stay off the network) and no sign-in registrations. */
    public WizardWindow(Stage stage, WizardState state, TaskRunner runner, UiDispatcher ui, Function<WizardState, Discovery> discovery) {
        this(stage, state, runner, ui, discovery, SignInSupport.none());
    }

    /** With a chosen discovery and sign-in (tests give their registrations, browser and token store). */
    public WizardWindow(Stage stage, WizardState state, TaskRunner runner, UiDispatcher ui, Function<WizardState, Discovery> discovery,
                        SignInSupport signIn) {
        this.stage = stage;
        this.state = state;
        Messages.use(AppLanguage.current()); // the chooser and what listens to it start from the app's language
        this.dialogs = new FxWizardDialogs(stage);
        this.vm = new WizardViewModel(state, buildViewModels(runner, ui, discovery, signIn), navigator(), dialogs);
        this.shell = buildShell();
        this.scene = buildScene();
        setUpStage();
        shell.show(steps.get(Page.ACCOUNT), true);
    }

    /** The steps' views (from the ViewModels, which keep what was typed and found) in a new shell. */
    private WizardShell buildShell() {
        steps.clear();
        buildSteps();
        WizardShell built = new WizardShell(List.copyOf(steps.values()), vm::cancel);
        built.onFinish(stage::close);
        built.languageChooser().valueProperty().addListener((o, was, now) -> {
            if (now != null && now != was) {
                Platform.runLater(() -> relabel(now)); // not while the chooser's own popup is still closing
            }
        });
        return built;
    }

    /**
     * Speaks {@code language} from now on: the ViewModels say their texts again and the views are
     * built anew from them, showing the same step, so nothing typed or found is lost and nothing restarts.
     */
    public void relabel(AppLanguage language) {
        Messages.use(language);
        int current = shell.currentIndex();
        Theme theme = shell.themeProperty().get();
        shell = buildShell();
        scene.setRoot((Parent) shell.view());
        wireThemeChooser(theme);
        shell.showAgain(current);
        stage.setTitle(Messages.get("app.title"));
    }

    private WizardViewModel.Steps buildViewModels(TaskRunner runner, UiDispatcher ui, Function<WizardState, Discovery> discovery,
                                                  SignInSupport signIn) {
        return new WizardViewModel.Steps(new AccountViewModel(state, LinkOpener::open, signIn), new ServersViewModel(state, runner, discovery),
                new TestingViewModel(state, runner, ui, signIn), new ResultViewModel(state),
                new ExportViewModel(state, runner, System.getProperty("os.name", ""), Path.of(System.getProperty("user.home", "."))));
    }

    private WizardViewModel.Navigator navigator() {
        return new WizardViewModel.Navigator() {
            @Override
            public void show(Page page) {
                WizardWindow.this.show(page);
            }

            @Override
            public void close() {
                stage.close();
            }
        };
    }

    private void buildSteps() {
        WizardViewModel.Steps vms = vm.steps();
        AccountView account = new AccountView(vms.account(), vm::startDemo);
        HelpdeskPane helpdesk = new HelpdeskPane(new HelpdeskViewModel(state));
        ExportView export = new ExportView(vms.export());
        add(Page.ACCOUNT, account.view());
        add(Page.SERVERS, new ServersView(vms.servers()).view());
        add(Page.TESTING, new TestingView(vms.testing(), dialogs::showCertificate).view());
        add(Page.RESULT, new ResultView(vms.result(), helpdesk.view(), dialogs::showCertificate, vm::trust).view());
        add(Page.EXPORT, export.view());
    }

    /** A step; the shell puts the focus on its first field when it is shown. */
    private void add(Page page, Node view) {
        ObservableBooleanValue canNext = vm.canGoNext(page);
        ObservableBooleanValue canBack = vm.canGoBack(page);
        steps.put(page, new WizardStep() {
            @Override
            public String title() {
                return WizardViewModel.title(page);
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
                vm.entered(page, forward);
            }
        });
    }

    private Scene buildScene() {
        Scene s = new Scene((Parent) shell.view(), 1200, 740);
        Theme start = Theme.fromSystem();
        start.apply(s);
        shell.themeProperty().set(start);
        shell.themeProperty().addListener((o, a, b) -> (b == null ? Theme.LIGHT : b).apply(s));
        return s;
    }

    /** The new shell's theme chooser as the old one was, and working (the scene keeps its stylesheets). */
    private void wireThemeChooser(Theme theme) {
        shell.themeProperty().set(theme);
        shell.themeProperty().addListener((o, a, b) -> (b == null ? Theme.LIGHT : b).apply(scene));
    }

    private void setUpStage() {
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
        stage.setOnHidden(e -> vm.dispose());
    }

    /** Goes forward to {@code page}, as Next would (entering Testing this way starts a run). */
    public void show(Page page) {
        shell.show(steps.get(page), true);
    }

    public WizardViewModel viewModel() {
        return vm;
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
