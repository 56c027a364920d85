package dev.mailwizard.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The command tree is built with only the sub-command the arguments name; the user sees no difference. */
class CommandTreeTest {
    @Test
    void topLevelHelpListsEveryCommand() {
        CliHarness.Result r = CliHarness.run("", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("probe", "batch", "export", "demo", "oauth2");
    }

    @Test
    void subCommandHelpIsItsOwnWithTheFullName() {
        CliHarness.Result r = CliHarness.run("", "probe", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: mailwizard probe").doesNotContain("Usage: mailwizard batch");
    }

    @Test
    void anUnknownCommandIsStillAUsageErrorNamingIt() {
        CliHarness.Result r = CliHarness.run("", "prob", "alice@example.com");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("'prob'");
    }

    @Test
    void onlyTheNamedSubCommandIsBuilt() {
        assertThat(MailWizardCommand.needed("probe", "alice@example.com")).containsExactly("probe");
        assertThat(MailWizardCommand.needed("oauth2", "token")).containsExactly("oauth2");
        assertThat(MailWizardCommand.needed("--help")).containsExactly("probe", "batch", "export", "demo", "oauth2");
        assertThat(MailWizardCommand.needed()).hasSize(5);
    }
}
