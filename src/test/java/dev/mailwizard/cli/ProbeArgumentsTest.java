package dev.mailwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwizard.demo.DemoPki;
import dev.mailwizard.model.Credentials;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;
import dev.mailwizard.probe.PortMatrix;
import dev.mailwizard.probe.ProbeRequest;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The parsing step on its own: options in, typed values or one usage message out. No servers, no
 * network, no standard input.
 */
class ProbeArgumentsTest {
    @TempDir
    Path dir;

    private static ProbeCommand command(String... args) {
        ProbeCommand c = new ProbeCommand();
        new CommandLine(c).parseArgs(args);
        c.stdin = InputStream.nullInputStream();
        return c;
    }

    private static ParsedProbe parse(String... args) {
        return ProbeArguments.parse(command(args));
    }

    private static void assertUsage(String message, String... args) {
        assertThatThrownBy(() -> parse(args)).isInstanceOf(UsageException.class).hasMessage(message);
    }

    @Test
    void anAddressIsDiscoveredAndIsTheLogin() {
        ParsedProbe p = parse("alice@example.com");
        assertThat(p.target().address()).hasToString("alice@example.com");
        assertThat(p.target().host()).isNull();
        assertThat(p.typedServers()).isEmpty();
        assertThat(p.login()).isEqualTo("alice@example.com");
        assertThat(p.passwordFromStdin()).isFalse();
        assertThat(p.settings().timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aHostNameIsTestedAsTypedInAscii() {
        ParsedProbe p = parse("smtp.bücher.test");
        assertThat(p.target().host()).isEqualTo("smtp.xn--bcher-kva.test");
        assertThat(p.target().account()).isEqualTo("smtp.xn--bcher-kva.test");
        assertThat(p.typedServers()).containsExactly("smtp.xn--bcher-kva.test");
        assertThat(p.login()).isNull();
    }

    @Test
    void typedHostsComeBeforeTheTarget() {
        ParsedProbe p = parse("bob@example.com", "--host", "smtp.bücher.test", "--host", "mail.example.com");
        assertThat(p.typedServers()).containsExactly("smtp.xn--bcher-kva.test", "mail.example.com");
    }

    @Test
    void anImapPortTurnsOnIncomingWithoutChangingTheCommand() {
        ProbeCommand c = command("alice@example.com", "--port", "imap:10993", "--port", "587");
        ParsedProbe p = ProbeArguments.parse(c);
        assertThat(c.incoming).as("the --incoming field as picocli set it").isFalse();
        assertThat(p.settings().ports().incomingAsked()).isFalse();
        assertThat(p.settings().ports().incoming()).isTrue();
        assertThat(p.settings().ports().ports()).containsExactly(new PortMatrix.Port(Protocol.IMAP, 10993), new PortMatrix.Port(Protocol.SMTP, 587));
    }

    @Test
    void everyOptionIsTyped() throws Exception {
        DemoPki pki = DemoPki.newAuthority("Arguments Test CA");
        Path ca = Files.writeString(dir.resolve("ca.pem"), DemoPki.pem(pki.caCertificate()));
        String pin = "ab".repeat(32);
        ParsedProbe p = parse("alice@example.com", "--security", "starttls", "--security", "plain", "--timeout", "2.5",
                "--trust-ca", ca.toString(), "--pin", pin, "--resolve", "mail.example.com:127.0.0.1",
                "--dns", "[::1]:5353", "--ispdb", "https://ispdb.example/v1/", "--user", "al", "--password-stdin",
                "--send-test", "bob@example.com", "--allow-plain-auth");
        ParsedSettings s = p.settings();
        assertThat(s.ports().securities()).containsExactlyInAnyOrder(Security.STARTTLS, Security.PLAIN);
        assertThat(s.ports().plainWanted()).isTrue();
        assertThat(s.timeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(s.extraCas()).containsExactly(pki.caCertificate());
        assertThat(s.pins()).hasSize(1).allMatch(x -> x.replace(":", "").equalsIgnoreCase(pin));
        assertThat(s.mappings()).singleElement().satisfies(m -> assertThat(m.host()).isEqualTo("mail.example.com"));
        assertThat(s.discoveryConfig().dnsServer()).isEqualTo(new InetSocketAddress("::1", 5353));
        assertThat(s.discoveryConfig().ispdb()).isEqualTo(URI.create("https://ispdb.example/v1/"));
        assertThat(s.discoveryConfig().mappings()).isEqualTo(s.mappings());
        assertThat(p.login()).isEqualTo("al");
        assertThat(p.passwordFromStdin()).isTrue();
        assertThat(p.sendTo()).isEqualTo("bob@example.com");
        assertThat(p.allowPlainAuth()).isTrue();
    }

    @Test
    void parsingNeverReadsStandardInput() {
        ProbeCommand c = command("alice@example.com", "--password-stdin");
        c.stdin = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("standard input was read while parsing");
            }
        };
        assertThat(ProbeArguments.parse(c).passwordFromStdin()).isTrue();
    }

    @Test
    void theRequestCarriesTheMatrixAndTheLogin() {
        ParsedProbe p = parse("alice@example.com", "--port", "465", "--port", "imap:993", "--password-stdin", "--send-test", "bob@example.com");
        ProbeRequest r = p.request(new Credentials(p.login(), "pw".toCharArray()));
        assertThat(r.account()).isEqualTo("alice@example.com");
        assertThat(r.modes()).containsExactly(new PortMatrix.PortMode(465, Security.TLS), new PortMatrix.PortMode(Protocol.IMAP, 993, Security.TLS));
        assertThat(r.options().fromAddress()).isEqualTo("alice@example.com");
        assertThat(r.options().sendTestTo()).isEqualTo("bob@example.com");
        assertThat(r.username()).isEqualTo("alice@example.com");
        assertThat(r.allowPlain()).isFalse();
    }

    @Test
    void nothingToTestIsNamedWhenTheRequestIsBuilt() {
        ParsedProbe p = parse("alice@example.com", "--port", "465", "--security", "starttls");
        assertThatThrownBy(() -> p.request(null)).isInstanceOf(UsageException.class)
                .hasMessage("--port [465] with --security [starttls] leaves nothing to test (465 takes only tls)");
    }

    @Test
    void badValuesAreNamed() {
        assertUsage("e-mail address 'bob@' has no domain after the '@'", "bob@");
        assertUsage("--no-discovery needs at least one --host", "alice@example.com", "--no-discovery");
        assertUsage("--port 'ftp:21': unknown protocol 'ftp' (use smtp:, imap: or pop3:)", "alice@example.com", "--port", "ftp:21");
        assertUsage("--timeout 'ten' is not a number of seconds (e.g. 10 or 2.5)", "alice@example.com", "--timeout", "ten");
        assertUsage("--timeout '0.05' is too short: use at least 0.1 seconds", "alice@example.com", "--timeout", "0.05");
        assertUsage("--dns 'dns.example': the server must be an IP address (e.g. 127.0.0.1:5353 or [::1]:53)",
                "alice@example.com", "--dns", "dns.example");
        assertUsage("--ispdb 'ftp://x' is not an http(s) URL (e.g. https://autoconfig.thunderbird.net/v1.1/)",
                "alice@example.com", "--ispdb", "ftp://x");
        assertUsage("--send-test needs --password-stdin: the message is sent after a successful login",
                "alice@example.com", "--send-test", "bob@example.com");
        assertUsage("--user '' is empty or contains control characters", "alice@example.com", "--user", " ");
        assertUsage("--user is needed with --password-stdin when probing a host name rather than an address",
                "mail.example.com", "--password-stdin");
    }

    @Test
    void theFirstBadValueIsNamedInTheOrderOptionsWereAlwaysChecked() {
        assertThatThrownBy(() -> parse("bob@", "--dns", "nowhere", "--port", "0")).hasMessageStartingWith("--dns 'nowhere'");
        assertThatThrownBy(() -> parse("bob@", "--port", "0")).hasMessageContaining("'bob@'");
        assertThatThrownBy(() -> parse("alice@example.com", "--timeout", "x", "--port", "0")).hasMessageStartingWith("--port '0'");
        assertThatThrownBy(() -> parse("alice@example.com", "--pin", "zz", "--send-test", "bob@")).hasMessageStartingWith("--pin 'zz'");
    }

    @Test
    void batchChecksTheSharedOptionsAlone() {
        BatchCommand b = new BatchCommand();
        new CommandLine(b).parseArgs("list.txt", "--port", "pop3:995", "--security", "tls", "--timeout", "3");
        ParsedSettings s = ProbeArguments.settings(b);
        assertThat(s.ports().modes()).containsExactly(new PortMatrix.PortMode(Protocol.POP3, 995, Security.TLS));
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(3));
        ParsedProbe line = ParsedProbe.of(ParsedProbe.Target.parse("mail.example.com"), s);
        assertThat(line.typedServers()).containsExactly("mail.example.com");
        assertThat(line.request(null).account()).isEqualTo("mail.example.com");
    }
}
