package dev.mailwizard.ui.app;

import dev.mailwizard.demo.DemoServers;
import dev.mailwizard.probe.ProbeResult;
import dev.mailwizard.ui.Messages;
import dev.mailwizard.ui.WizardState;
import dev.mailwizard.ui.account.AccountViewModel;
import dev.mailwizard.ui.export.ExportViewModel;
import dev.mailwizard.ui.result.ResultViewModel;
import dev.mailwizard.ui.servers.ServersViewModel;
import dev.mailwizard.ui.testing.TestingViewModel;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The wizard as a whole: its pages, when Next and Back are allowed, what entering a page starts,
 * Cancel, the demo, and the decision to trust a certificate. {@link WizardWindow} only builds the
 * views and binds the shell to this.
 */
public final class WizardViewModel {
    /** The wizard's pages, in the order the step list shows them. */
    public enum Page { ACCOUNT, SERVERS, TESTING, RESULT, EXPORT }

    /** The ViewModels of the five steps. */
    public record Steps(AccountViewModel account, ServersViewModel servers, TestingViewModel testing, ResultViewModel result,
                        ExportViewModel export) {
    }

    /** What this asks of its window: go to a page, or close. */
    public interface Navigator {
        void show(Page page);

        void close();
    }

    private final WizardState state;
    private final Steps steps;
    private final Navigator navigator;
    private final WizardDialogs dialogs;

    public WizardViewModel(WizardState state, Steps steps, Navigator navigator, WizardDialogs dialogs) {
        this.state = state;
        this.steps = steps;
        this.navigator = navigator;
        this.dialogs = dialogs;
    }

    public Steps steps() {
        return steps;
    }

    public static String title(Page page) {
        return Messages.get("step." + page.name().toLowerCase(Locale.ROOT));
    }

    /** Next is enabled while this is true: input valid, or (Testing) a run finished and not cancelled. */
    public ObservableBooleanValue canGoNext(Page page) {
        return switch (page) {
            case ACCOUNT -> steps.account().validProperty();
            case SERVERS -> steps.servers().validProperty();
            case TESTING -> steps.testing().finishedProperty().and(steps.testing().runningProperty().not());
            case RESULT -> Bindings.createBooleanBinding(() -> true);
            case EXPORT -> steps.export().runningProperty().not();
        };
    }

    /** Back is held while a test runs (Cancel stops it first). */
    public ObservableBooleanValue canGoBack(Page page) {
        return page == Page.TESTING ? steps.testing().runningProperty().not() : Bindings.createBooleanBinding(() -> true);
    }

    /** A page was shown; {@code forward}: the user moved on to it rather than coming back. */
    public void entered(Page page, boolean forward) {
        if (page == Page.SERVERS) {
            steps.servers().prepare();
        } else if (page == Page.TESTING && forward) {
            steps.testing().start();
        }
    }

    /** Cancel: stops a running test, or the sign-in it waits for; otherwise closes the window. */
    public void cancel() {
        if (steps.testing().runningProperty().get()) {
            steps.testing().cancel();
        } else {
            navigator.close();
        }
    }

    /** "Try the demo": demo servers on loopback, a made-up account, straight to the test. */
    public void startDemo() {
        prepareDemo();
        navigator.show(Page.TESTING);
    }

    /** Starts the demo servers (once) and fills the account and server list for them. */
    public void prepareDemo() {
        if (state.demoProperty().get() == null) {
            state.demoProperty().set(DemoServers.start());
        }
        DemoServers demo = state.demoProperty().get();
        state.nameProperty().set("Alice Demo");
        state.addressProperty().set(DemoServers.ADDRESS);
        state.passwordProperty().set(new String(demo.password()));
        state.loginProperty().set("");
        state.timeoutSecondsProperty().set(3);
        state.serversFilledFor(null);
        steps.servers().prepare(); // demo mode: the demo's endpoints, no discovery
    }

    /**
     * "Trust this certificate": asks with the warning its problem calls for; on an explicit yes, pins
     * it for this account and tests again. Nothing is asked for a certificate that cannot be trusted.
     */
    public void trust(ProbeResult r) {
        ResultViewModel.TrustLevel level = ResultViewModel.trustLevel(r);
        if (level == ResultViewModel.TrustLevel.NOT_OFFERED) {
            return;
        }
        if (dialogs.confirmTrust(r, level == ResultViewModel.TrustLevel.WARN_STRONGLY, ResultViewModel.trustWarning(r))) {
            steps.result().trust(r);
            navigator.show(Page.TESTING);
        }
    }

    /** The window closed: stop the test (or the wait for a sign-in), stop the demo servers, forget the password and tokens. */
    public void dispose() {
        steps.testing().close();
        DemoServers demo = state.demoProperty().get();
        if (demo != null) {
            demo.close();
        }
        state.clearSecrets();
    }
}
