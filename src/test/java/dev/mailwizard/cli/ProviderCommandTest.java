package dev.mailwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.demo.ServerBehaviour;
import dev.mailwizard.discovery.DiscoveryResult;
import dev.mailwizard.discovery.SourceResult;
import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Provider;
import dev.mailwizard.model.ProviderNeeds;
import dev.mailwizard.model.ServerCandidate;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code probe} names the provider in its reports: from discovery, or from the well-known providers for typed servers. */
class ProviderCommandTest {
    private static final String HOST = "smtp.gmail.com";
    private static final TestCa CA = TestCa.named("Provider Test CA");

    private static ParsedProbe parse(String... args) {
        ProbeCommand c = new ProbeCommand();
        new CommandLine(c).parseArgs(args);
        return ProbeArguments.parse(c);
    }

    @Test
    void typedServersAreKnownByTheAddressOrTheirNames() {
        FoundServers byAddress = FoundServers.find(parse("alice@gmail.com", "--host", "mail.example.com"), (a, c) -> {
            throw new AssertionError("no discovery for typed hosts");
        });
        assertThat(byAddress.provider().displayName()).isEqualTo("Gmail");
        FoundServers byHost = FoundServers.find(parse("smtp.office365.com"), (a, c) -> {
            throw new AssertionError("no discovery for a host");
        });
        assertThat(byHost.provider().displayName()).isEqualTo("Microsoft 365");
        assertThat(byHost.provider().needs()).isEqualTo(ProviderNeeds.OAUTH2);
        assertThat(FoundServers.find(parse("mail.example.com"), (a, c) -> null).provider()).isNull();
    }

    @Test
    void discoverysProviderIsPassedOn() {
        ServerCandidate mx = new ServerCandidate(Protocol.SMTP, "smtp.mail.yahoo.com", 465, null, CandidateSource.MX, false, "from MX");
        DiscoveryResult result = new DiscoveryResult(List.of(new SourceResult.Found(CandidateSource.MX, List.of(mx), List.of())),
                CandidateSource.MX, 3, EmailAddress.parse("alice@example.com"));
        Provider p = FoundServers.find(parse("alice@example.com"), (a, c) -> result).provider();
        assertThat(p.id()).isEqualTo("yahoo.com");
        assertThat(p.needs()).isEqualTo(ProviderNeeds.APP_PASSWORD);
    }

    @Test
    void theJsonAndTheTextReportSayWhatGmailNeeds() throws Exception {
        try (var server = ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(CA.pki().issue(HOST).serverContext()).build())) {
            String[] args = {"probe", "alice@gmail.com", "--host", HOST, "--resolve", HOST + ":127.0.0.1", "--port",
                    Integer.toString(server.port()), "--security", "tls", "--trust-ca", CA.file(), "--timeout", "5"};
            CliHarness.Result json = CliHarness.run("", append(args, "--json"));
            JsonNode provider = new ObjectMapper().readTree(json.out()).get("provider");
            assertThat(provider.get("displayName").asText()).isEqualTo("Gmail");
            assertThat(provider.get("needs").asText()).isEqualTo("APP_PASSWORD");
            assertThat(provider.get("oauth2").get("issuer").asText()).isEqualTo("accounts.google.com");
            assertThat(provider.get("help").get(0).get("url").asText()).isEqualTo("https://support.google.com/accounts/answer/185833");
            CliHarness.Result text = CliHarness.run("", args);
            assertThat(text.out()).contains("Provider: Gmail. It does not accept your normal password here: create an app password");
        }
    }

    private static String[] append(String[] args, String extra) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = extra;
        return all;
    }
}
