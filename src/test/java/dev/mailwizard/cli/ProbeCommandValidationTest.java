package dev.mailwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.demo.ServerBehaviour;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input gives exit 2 and one line on stderr that names the bad value, and nothing is
 * contacted: a listening server counts connections and must see none.
 */
class ProbeCommandValidationTest {
    private static ScriptedSmtpServer server;

    @BeforeAll
    static void start() {
        server = ScriptedSmtpServer.start(ServerBehaviour.builder().noTls().build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<Arguments> badInputs() {
        return List.of(
                Arguments.of(List.of("alice@"), "alice@"),
                Arguments.of(List.of("a@b@c"), "a@b@c"),
                Arguments.of(List.of("al ice@example.com"), "al ice@example.com"),
                Arguments.of(List.of("alice@exa\r\nmple.com"), "\\r\\n"),
                Arguments.of(List.of("a".repeat(70) + "@example.com"), "local part"),
                Arguments.of(List.of("alice@" + "x".repeat(250) + ".com"), "longer than"),
                Arguments.of(List.of("alice@exam_ple.com"), "exam_ple.com"),
                Arguments.of(List.of("alice@example.com", "--port", "0"), "port 0"),
                Arguments.of(List.of("alice@example.com", "--port", "70000"), "70000"),
                Arguments.of(List.of("alice@example.com", "--port", "smtp"), "smtp"),
                Arguments.of(List.of("alice@example.com", "--port", "ftp:21"), "ftp"),
                Arguments.of(List.of("alice@example.com", "--resolve", "mail.example.com"), "mail.example.com"),
                Arguments.of(List.of("alice@example.com", "--resolve", "mail.example.com:not-an-ip"), "not-an-ip"),
                Arguments.of(List.of("alice@example.com", "--timeout", "0"), "--timeout '0'"),
                Arguments.of(List.of("alice@example.com", "--timeout", "-3"), "-3"),
                Arguments.of(List.of("alice@example.com", "--timeout", "ten"), "ten"),
                Arguments.of(List.of("alice@example.com", "--pin", "ABCD"), "ABCD"),
                Arguments.of(List.of("alice@example.com", "--trust-ca", "/nonexistent/ca.pem"), "/nonexistent/ca.pem"),
                Arguments.of(List.of("alice@example.com", "--security", "ssl3"), "ssl3"),
                Arguments.of(List.of("alice@example.com", "--send-test", "bob@example.com"), "--password-stdin"),
                Arguments.of(List.of("alice@example.com", "--send-test", "bob@"), "bob@"),
                Arguments.of(List.of("alice@example.com", "--password-stdin"), "standard input is empty"),
                Arguments.of(List.of("alice@example.com", "--no-such-option"), "--no-such-option"),
                Arguments.of(List.of("mail.example.com", "--password-stdin"), "--user"),
                Arguments.of(List.of("alice@example.com", "--port", "465", "--security", "starttls"), "nothing to test"),
                // Found by UserInputFuzzTest: a DNS server given as a name or a bare number was looked up or read as 0.0.0.1;
                // an invalid --resolve host was blamed on the address.
                Arguments.of(List.of("alice@example.com", "--dns", "1"), "--dns '1': the server must be an IP address"),
                Arguments.of(List.of("alice@example.com", "--dns", "cafe"), "--dns 'cafe': the server must be an IP address"),
                Arguments.of(List.of("alice@example.com", "--resolve", "ex_ample.com:127.0.0.1"), "host name 'ex_ample.com' is not a valid domain name"),
                // ... and a control character in a value reached the terminal as it was (an escape sequence, here).
                Arguments.of(List.of("alice@example.com", "--port", "ftp:\u001b[2J"), "--port 'ftp:\\u001b[2J': unknown protocol 'ftp'"),
                // ... and an argument starting with '@' was read as a file of arguments (a directory: picocli's stack trace).
                Arguments.of(List.of("@."), "e-mail address '@.' has nothing before the '@'"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputIsExit2WithOneLineNamingTheValueAndNothingIsContacted(List<String> args, String named) {
        List<String> all = new ArrayList<>(List.of("probe"));
        all.addAll(args);
        // Point every name at the counting server, so any connection attempt would show.
        all.addAll(List.of("--host", "mail.example.com", "--resolve", "mail.example.com:127.0.0.1"));
        if (!args.contains("--port")) {
            all.addAll(List.of("--port", Integer.toString(server.port())));
        }
        int before = server.connections();
        CliHarness.Result r = CliHarness.run("", all.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains(named).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("Unmatched");
        assertThat(server.connections()).isEqualTo(before);
    }

    static List<Arguments> passwordArguments() {
        return List.of(
                Arguments.of(List.of("a@b.test", "--password", "Hunter2secret")),
                Arguments.of(List.of("a@b.test", "--password=Hunter2secret")),
                Arguments.of(List.of("a@b.test", "--pass", "Hunter2secret")),
                Arguments.of(List.of("a@b.test", "-p", "Hunter2secret")),
                Arguments.of(List.of("a@b.test", "-pHunter2secret")),
                Arguments.of(List.of("--password", "Hunter2secret", "a@b.test")));
    }

    @ParameterizedTest
    @MethodSource("passwordArguments")
    void aPasswordTypedAsAnArgumentIsNeverEchoedAndTheFixIsNamed(List<String> args) {
        List<String> all = new ArrayList<>(List.of("probe"));
        all.addAll(args);
        int before = server.connections();
        CliHarness.Result r = CliHarness.run("", all.toArray(String[]::new));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out() + r.err()).doesNotContain("Hunter2secret");
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("passwords are never command-line arguments: pipe it with --password-stdin");
        assertThat(server.connections()).isEqualTo(before);
    }

    @Test
    void aValueAfterAnyUnknownSecretLikeOptionIsHidden() {
        for (List<String> args : List.of(List.of("--smtp-password", "Hunter2secret"), List.of("--api-token=Hunter2secret"),
                List.of("--secret", "Hunter2secret", "--other"))) {
            List<String> all = new ArrayList<>(List.of("probe", "a@b.test"));
            all.addAll(args);
            CliHarness.Result r = CliHarness.run("", all.toArray(String[]::new));
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.out() + r.err()).as(r.err()).doesNotContain("Hunter2secret").contains(args.get(0).replaceAll("=.*", "="));
            assertThat(r.err()).contains("<hidden>");
        }
    }

    @Test
    void anUnknownOptionThatIsNoSecretIsStillNamed() {
        CliHarness.Result r = CliHarness.run("", "probe", "a@b.test", "--colour", "always");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("'--colour'").contains("'always'");
    }
}
