package dev.mailwizard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.probe.TrustMaterial;
import dev.mailwizard.ui.account.AccountView;
import dev.mailwizard.ui.account.AccountViewModel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Account step as a person sees it, headless on Monocle: the provider hint next to the password, and its link. */
@ExtendWith(ApplicationExtension.class)
class ProviderHintViewTest {
    private final List<String> opened = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        WizardState state = new WizardState(() -> TrustMaterial.only(List.of()));
        AccountView view = new AccountView(new AccountViewModel(state, opened::add), () -> { });
        stage.setScene(new Scene((Parent) view.view(), 900, 600));
        stage.show();
    }

    @Test
    void aGmailAddressShowsTheHintAndItsLinkOpensTheAppPasswordPage(FxRobot robot) {
        Label hint = robot.lookup("#providerHint").queryAs(Label.class);
        assertThat(hint.getParent().isVisible()).isFalse();
        robot.clickOn("#address").write("alice@gmail.com");
        assertThat(hint.getParent().isVisible()).isTrue();
        assertThat(hint.getText()).isEqualTo("Gmail does not accept your normal password here: create an app password or sign in with Google.");
        Hyperlink link = robot.lookup("#providerHelp").queryAs(Hyperlink.class);
        assertThat(link.getText()).isEqualTo("Create and use an app password (Google Account Help) (support.google.com)");
        robot.clickOn(link);
        assertThat(opened).containsExactly("https://support.google.com/accounts/answer/185833");
    }

    @Test
    void anUnknownDomainShowsNoHint(FxRobot robot) {
        robot.clickOn("#address").write("alice@example.com");
        Label hint = robot.lookup("#providerHint").queryAs(Label.class);
        assertThat(hint.getText()).isEmpty();
        assertThat(hint.getParent().isVisible()).isFalse();
        assertThat(robot.lookup("#providerHelp").queryAs(Hyperlink.class).isVisible()).isFalse();
    }
}
