package dev.mailwizard.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static dev.mailwizard.export.ExportFixtures.server;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The password advice and commands follow the system the files are for, faked here through
 * {@link ExportInput#on}: Linux's secret-tool, the macOS Keychain's {@code security}, and on
 * Windows Credential Manager where the client can use it. Goldens: FORMAT/tls-macos|tls-windows/.
 */
class ExportHostOsTest {
    private static final Path GOLDEN = Path.of("src/test/resources/export");

    static Stream<Arguments> formatsAndSystems() {
        return Stream.of("msmtp", "neomutt", "git").flatMap(id ->
                Stream.of(HostOs.MACOS, HostOs.WINDOWS).map(os -> Arguments.of(id, os)));
    }

    private static String text(String id, ExportInput input) {
        ExportResult r = ProfileWriters.byId(id).orElseThrow().write(input);
        assertThat(r).as(id + " refused: " + r).isInstanceOf(ExportResult.Written.class);
        return ((ExportResult.Written) r).files().get(0).text();
    }

    private static ExportInput alice(HostOs os) {
        return ExportInput.of(ExportFixtures.implicitTls()).withReport(ExportFixtures.report(ExportFixtures.Mode.TLS)).on(os);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("formatsAndSystems")
    void matchesGoldenFilesForThatSystem(String id, HostOs os) throws IOException {
        ExportResult r = ProfileWriters.byId(id).orElseThrow().write(alice(os));
        ExportGoldenTest.compare(GOLDEN.resolve(id).resolve("tls-" + os.name().toLowerCase(Locale.ROOT)), ((ExportResult.Written) r).files());
    }

    @ParameterizedTest
    @CsvSource({"Linux, LINUX", "FreeBSD, LINUX", "Mac OS X, MACOS", "Darwin, MACOS", "Windows 11, WINDOWS", "Windows Server 2022, WINDOWS", "'', LINUX"})
    void theSystemIsReadFromJavasOsName(String osName, HostOs expected) {
        assertThat(HostOs.fromName(osName)).isEqualTo(expected);
    }

    @Test
    void onlyLinuxFilesNameSecretToolAndOnlyMacFilesNameTheKeychain() {
        for (String id : List.of("msmtp", "neomutt", "git")) {
            assertThat(text(id, alice(HostOs.LINUX))).as(id).doesNotContain("security ").doesNotContain("Credential Manager");
            assertThat(text(id, alice(HostOs.MACOS))).as(id).doesNotContain("secret-tool").doesNotContain("libsecret").doesNotContain("gpg");
            assertThat(text(id, alice(HostOs.WINDOWS))).as(id).doesNotContain("secret-tool lookup").doesNotContain("libsecret")
                    .doesNotContain("security ");
        }
        assertThat(text("msmtp", alice(HostOs.LINUX))).contains("passwordeval \"secret-tool lookup host smtp.example.test service smtp user alice@example.test\"\n");
        assertThat(text("git", alice(HostOs.LINUX))).contains("credential.helper libsecret");
    }

    @Test
    void onAMacMsmtpReadsTheKeychainEntryItSaysToStore() {
        String msmtp = text("msmtp", alice(HostOs.MACOS));
        assertThat(msmtp).contains("#   security add-generic-password -s smtp://smtp.example.test -a alice@example.test -w\n")
                .contains("passwordeval \"security find-generic-password -s smtp://smtp.example.test -a alice@example.test -w\"\n");
        assertThat(text("git", alice(HostOs.MACOS))).contains("credential.helper osxkeychain");
    }

    @Test
    void onAMacNeoMuttTakesEachPasswordFromTheKeychainThroughBackticks() {
        assertThat(text("neomutt", alice(HostOs.MACOS)))
                .contains("#   set smtp_pass = \"`security find-generic-password -s smtp://smtp.example.test -a alice@example.test -w`\"\n")
                .contains("#   set imap_pass = \"`security find-generic-password -s imap://imap.example.test -a alice@example.test -w`\"\n")
                .contains("#   security add-generic-password -s imap://imap.example.test -a alice@example.test -w\n");
    }

    @Test
    void onWindowsGitUsesCredentialManagerAndNeoMuttSaysItIsRare() {
        assertThat(text("git", alice(HostOs.WINDOWS))).contains("credential.helper manager, which keeps it in Windows Credential Manager");
        assertThat(text("neomutt", alice(HostOs.WINDOWS))).contains("NeoMutt is rare on Windows and has no Credential Manager")
                .doesNotContain("set smtp_pass");
    }

    @Test
    void onWindowsMsmtpDecryptsTheFileItSaysToStoreWithACommandCmdAndMsmtpLeaveAlone() {
        String msmtp = text("msmtp", alice(HostOs.WINDOWS));
        assertThat(msmtp).contains("msmtp on Windows cannot read Credential Manager")
                .contains("#   Read-Host -AsSecureString 'Password' | ConvertFrom-SecureString | Set-Content $HOME\\.msmtp-smtp.example.test.password\n");
        List<String> evals = msmtp.lines().filter(l -> l.startsWith("passwordeval ")).toList();
        assertThat(evals).hasSize(2).allSatisfy(l -> {
            String command = l.substring("passwordeval \"".length(), l.length() - 1);
            assertThat(command).startsWith("powershell -NoProfile -Command ")
                    .contains("(Get-Content $HOME\\.msmtp-smtp.example.test.password)")
                    .doesNotContain("\"").doesNotContain("&").doesNotContain("|").doesNotContain("<").doesNotContain(">").doesNotContain("^");
        });
    }

    @Test
    void aHostileUserNameIsOneShellWordInTheKeychainCommand() {
        AccountProfile p = new AccountProfile(EmailAddress.parse("frank@example.test"), "Frank",
                List.of(server(Protocol.SMTP, "smtp.example.test", 465, Security.TLS, "frank'; touch /tmp/pwned; echo '", "PLAIN")), List.of(), true);
        assertThat(text("msmtp", ExportInput.of(p).on(HostOs.MACOS)))
                .contains("passwordeval \"security find-generic-password -s smtp://smtp.example.test -a 'frank'\\''; touch /tmp/pwned; echo '\\''' -w\"\n");
    }

    @ParameterizedTest
    @EnumSource(HostOs.class)
    void anAskedForPasswordIsWrittenAndNoStoreAdviceIsGiven(HostOs os) {
        String msmtp = text("msmtp", alice(os).withPassword("pw-1"));
        assertThat(msmtp).contains("password \"pw-1\"\n").doesNotContain("passwordeval").doesNotContain("Store it once");
    }

    @ParameterizedTest
    @CsvSource({"LINUX, in your desktop keyring", "MACOS, in your macOS Keychain", "WINDOWS, in Windows Credential Manager"})
    void anOAuth2AccountSaysWhereMailWizardRememberedTheSignIn(HostOs os, String where) {
        JsonNode report = ExportFixtures.oauth2Report();
        ExportInput in = ExportInput.of(ReportProfiles.from(report, "Alice Example")).withReport(report).on(os);
        for (String id : List.of("msmtp", "neomutt")) {
            assertThat(text(id, in)).as(id).contains("the OAuth2 sign-in that MailWizard remembered " + where + ".\n")
                    .doesNotContain("secret-tool").doesNotContain("security find");
        }
    }
}
