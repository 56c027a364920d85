package dev.mailwizard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.discovery.CandidateFinder;
import dev.mailwizard.discovery.Discovery;
import dev.mailwizard.discovery.DiscoveryConfig;
import dev.mailwizard.discovery.SourceResult;
import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;
import dev.mailwizard.model.ServerCandidate;
import dev.mailwizard.probe.TrustMaterial;
import dev.mailwizard.ui.account.AccountViewModel;
import dev.mailwizard.ui.servers.ServersViewModel;
import dev.mailwizard.ui.task.ImmediateTaskRunner;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Account step's provider hint, without the toolkit: what it says, its link, and when it changes. */
class ProviderHintViewModelTest {
    private final List<String> opened = new ArrayList<>();
    private final WizardState state = new WizardState(() -> TrustMaterial.only(List.of()));
    private final AccountViewModel vm = new AccountViewModel(state, opened::add);

    @Test
    void aGmailAddressGetsTheHintItsAppPasswordPageAndTheSignInPlace() {
        state.addressProperty().set("alice@gmail.com");
        assertThat(vm.providerHintProperty().get())
                .isEqualTo("Gmail does not accept your normal password here: create an app password or sign in with Google.");
        assertThat(vm.providerHelpProperty().get().url()).isEqualTo("https://support.google.com/accounts/answer/185833");
        assertThat(vm.signInAvailableProperty().get()).isTrue();
        assertThat(vm.providerProperty().get().oauth2().issuer()).isEqualTo("accounts.google.com");
        vm.openProviderHelp();
        assertThat(opened).containsExactly("https://support.google.com/accounts/answer/185833");
    }

    @Test
    void anUnknownOrUnfinishedAddressGetsNoHint() {
        state.addressProperty().set("alice@example.com");
        assertThat(vm.providerHintProperty().get()).isEmpty();
        assertThat(vm.providerHelpProperty().get()).isNull();
        assertThat(vm.signInAvailableProperty().get()).isFalse();
        vm.openProviderHelp();
        assertThat(opened).isEmpty();
        state.addressProperty().set("alice@gmail.com");
        state.addressProperty().set("alice@");
        assertThat(vm.providerHintProperty().get()).isEmpty();
        assertThat(vm.providerProperty().get()).isNull();
    }

    @Test
    void theHintFitsWhatTheProviderNeeds() {
        state.addressProperty().set("bob@outlook.com");
        assertThat(vm.providerHintProperty().get()).isEqualTo("Outlook.com does not accept a password from mail programs here: sign in with Microsoft.");
        assertThat(vm.signInAvailableProperty().get()).isTrue();
        state.addressProperty().set("bob@icloud.com");
        assertThat(vm.providerHintProperty().get()).isEqualTo("iCloud Mail does not accept your normal password here: create an app password.");
        assertThat(vm.providerHelpProperty().get().url()).isEqualTo("https://support.apple.com/en-us/102654");
        assertThat(vm.signInAvailableProperty().get()).isFalse();
    }

    @Test
    void aCompanyDomainOnGoogleIsKnownOnceTheSearchFoundGooglesServers() {
        CandidateFinder mx = new CandidateFinder() {
            @Override
            public CandidateSource source() {
                return CandidateSource.MX;
            }

            @Override
            public SourceResult find(EmailAddress address) {
                return new SourceResult.Found(CandidateSource.MX, List.of(new ServerCandidate(Protocol.SMTP, "smtp.gmail.com", 465,
                        Security.TLS, CandidateSource.MX, false, "MX aspmx.l.google.com")), List.of());
            }
        };
        state.addressProperty().set("carol@firma.test");
        assertThat(vm.providerHintProperty().get()).isEmpty();
        new ServersViewModel(state, new ImmediateTaskRunner(), s -> new Discovery(List.of(mx), DiscoveryConfig.defaults())).prepare();
        // Back on the Account step, the hint is there.
        assertThat(vm.providerHintProperty().get()).startsWith("Google Workspace does not accept your normal password here");
        assertThat(state.provider().displayName()).isEqualTo("Google Workspace");
        // Another domain: what the search found no longer applies.
        state.addressProperty().set("carol@example.com");
        assertThat(vm.providerHintProperty().get()).isEmpty();
    }
}
