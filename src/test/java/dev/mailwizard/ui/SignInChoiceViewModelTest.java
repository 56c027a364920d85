package dev.mailwizard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.model.OAuth2Endpoints;
import dev.mailwizard.model.Provider;
import dev.mailwizard.model.ProviderNeeds;
import dev.mailwizard.probe.TrustMaterial;
import dev.mailwizard.signin.MemoryTokenStore;
import dev.mailwizard.signin.SignInFlow;
import dev.mailwizard.ui.account.AccountViewModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Account step's choice between signing in in the browser and a password, without the toolkit:
 * offered only with a registration for the provider, no password needed once chosen, and in words
 * why it is not offered (no registration, a broken registrations file).
 */
class SignInChoiceViewModelTest {
    private static final String GOOGLE = """
            {"issuer": "accounts.google.com", "hosts": [%s], "clientId": "1234-abc.apps.googleusercontent.com",
             "authorizationEndpoint": "https://accounts.google.com/o/oauth2/v2/auth", "tokenEndpoint": "https://oauth2.googleapis.com/token",
             "scopes": ["https://mail.google.com/"]}""";

    @TempDir
    Path dir;
    private final WizardState state = new WizardState(() -> TrustMaterial.only(List.of()));

    private AccountViewModel account(Path registrations) {
        SignInSupport support = new SignInSupport(SignInRegistrations.read(registrations), url -> {
            throw new AssertionError("the Account step opens no sign-in page");
        }, MemoryTokenStore::new, SignInFlow.DEFAULT_WAIT, Clock.systemUTC());
        return new AccountViewModel(state, new ArrayList<String>()::add, support);
    }

    private Path registrations(String... entries) throws Exception {
        return Files.writeString(dir.resolve("oauth2.json"), "{\"registrations\": [" + String.join(", ", entries) + "]}");
    }

    @Test
    void aRegistrationForGmailsServersOffersTheSignInAndThenNoPasswordIsNeeded() throws Exception {
        AccountViewModel vm = account(registrations(GOOGLE.formatted("\"smtp.gmail.com\", \"imap.gmail.com\"")));
        state.addressProperty().set("alice@gmail.com");

        assertThat(vm.signInAvailableProperty().get()).isTrue();
        assertThat(vm.signInOfferedProperty().get()).isTrue();
        assertThat(vm.signInChoiceProperty().get()).isEqualTo("Sign in with Google in your browser");
        assertThat(vm.signInSelectedProperty().get()).as("signing in is the default where it is offered").isTrue();
        assertThat(vm.signInNoteProperty().get()).isEmpty();
        assertThat(vm.passwordHintProperty().get()).isEqualTo("Not needed: you sign in with Google in your browser when the test starts.");
        assertThat(state.passwordProperty().get()).isEmpty();
        assertThat(vm.validProperty().get()).as("Next without a password").isTrue();
        assertThat(vm.rememberSignInProperty().get()).as("remember is off until ticked").isFalse();

        vm.signInChosenProperty().set(false);
        assertThat(vm.signInSelectedProperty().get()).isFalse();
        assertThat(vm.passwordHintProperty().get()).isEqualTo(Messages.get("account.password.hint.empty"));
        vm.signInChosenProperty().set(true);
        assertThat(vm.signInSelectedProperty().get()).isTrue();
    }

    @Test
    void withoutARegistrationTheChoiceIsOffAndTheNoteSaysUseAnAppPassword() throws Exception {
        AccountViewModel vm = account(dir.resolve("missing").resolve("oauth2.json"));
        state.addressProperty().set("alice@gmail.com");

        assertThat(vm.signInAvailableProperty().get()).isTrue();
        assertThat(vm.signInOfferedProperty().get()).isFalse();
        assertThat(vm.signInSelectedProperty().get()).as("a choice that is not offered does not count").isFalse();
        assertThat(vm.signInNoteProperty().get()).isEqualTo("MailWizard has no sign-in registration for Google on this computer: use an app"
                + " password (the link above), or ask your organisation for a registration (README, \"Sign in with OAuth2\").");
        assertThat(vm.providerHelpProperty().get().url()).as("the link above: Google's app password page")
                .isEqualTo("https://support.google.com/accounts/answer/185833");
        assertThat(vm.passwordHintProperty().get()).isEqualTo(Messages.get("account.password.hint.empty"));
    }

    @Test
    void aRegistrationForAnotherProviderDoesNotOfferIt() throws Exception {
        AccountViewModel vm = account(registrations("""
                {"issuer": "login.microsoftonline.com", "hosts": ["outlook.office365.com", "smtp.office365.com"], "clientId": "0000",
                 "scopes": ["https://outlook.office.com/SMTP.Send"]}"""));
        state.addressProperty().set("alice@gmail.com");
        assertThat(vm.signInOfferedProperty().get()).isFalse();
        state.addressProperty().set("bob@outlook.com");
        assertThat(vm.signInOfferedProperty().get()).as("Microsoft's issuer: Outlook.com's provider names it").isTrue();
        assertThat(vm.signInChoiceProperty().get()).isEqualTo("Sign in with Microsoft in your browser");
        state.addressProperty().set("carol@example.com");
        assertThat(vm.signInAvailableProperty().get()).isFalse();
        assertThat(vm.signInSelectedProperty().get()).isFalse();
        assertThat(vm.signInNoteProperty().get()).isEmpty();
    }

    @Test
    void aProviderOnlyDiscoveryKnowsIsMatchedByItsIssuer() throws Exception {
        AccountViewModel vm = account(registrations("""
                {"issuer": "https://login.example-isp.test", "hosts": ["mail.example-isp.test"], "clientId": "isp-desktop",
                 "scopes": ["mail"]}"""));
        state.addressProperty().set("dora@example-isp.test");
        state.serversFilledFor("example-isp.test");
        state.discoveredProviderProperty().set(new Provider("example-isp.test", "Example ISP", ProviderNeeds.OAUTH2,
                new OAuth2Endpoints("login.example-isp.test", List.of("mail"), "https://login.example-isp.test/authorize",
                        "https://login.example-isp.test/token"), List.of()));
        assertThat(vm.signInOfferedProperty().get()).isTrue();
        assertThat(vm.signInChoiceProperty().get()).isEqualTo("Sign in with Example ISP in your browser");
    }

    @Test
    void outlookWithoutARegistrationSaysItTakesNoPassword() {
        AccountViewModel vm = account(dir.resolve("oauth2.json"));
        state.addressProperty().set("bob@outlook.com");
        assertThat(vm.signInNoteProperty().get()).isEqualTo("MailWizard has no sign-in registration for Microsoft on this computer, and"
                + " Outlook.com takes no password from mail programs: ask your organisation for a registration (README, \"Sign in with OAuth2\").");
    }

    @Test
    void aBrokenRegistrationsFileIsNamedWithItsProblemAndNothingIsOffered() throws Exception {
        Path broken = Files.writeString(dir.resolve("oauth2.json"), "{\"registrations\": [{\"issuer\": \"accounts.google.com\", \"hosts\": [\"gmail.com\"]}]}");
        AccountViewModel vm = account(broken);
        state.addressProperty().set("alice@gmail.com");
        assertThat(vm.signInOfferedProperty().get()).isFalse();
        assertThat(vm.signInNoteProperty().get()).isEqualTo("MailWizard cannot use its sign-in registrations: " + broken
                + ": registrations[0].clientId is missing: add the client id of your organisation's app registration."
                + " Until the file is fixed, use an app password.");

        Files.writeString(broken, "{\"registrations\": [");
        vm = account(broken);
        assertThat(vm.signInNoteProperty().get()).startsWith("MailWizard cannot use its sign-in registrations: " + broken + " is not valid JSON (line");
    }
}
