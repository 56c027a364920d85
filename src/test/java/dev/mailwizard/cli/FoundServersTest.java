package dev.mailwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.mailwizard.discovery.DiscoveryConfig;
import dev.mailwizard.discovery.DiscoveryResult;
import dev.mailwizard.discovery.SourceResult;
import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.DeclinedService;
import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;
import dev.mailwizard.model.ServerCandidate;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The discovery step with discovery itself stood in for: typed servers skip it, an address goes through it. */
class FoundServersTest {
    private final List<EmailAddress> discovered = new ArrayList<>();
    private final List<DiscoveryConfig> configs = new ArrayList<>();

    private static ParsedProbe parse(String... args) {
        ProbeCommand c = new ProbeCommand();
        new CommandLine(c).parseArgs(args);
        return ProbeArguments.parse(c);
    }

    private FoundServers.Discover answering(DiscoveryResult result) {
        return (address, config) -> {
            discovered.add(address);
            configs.add(config);
            return result;
        };
    }

    private final FoundServers.Discover never = (address, config) -> {
        throw new AssertionError("discovery ran for " + address);
    };

    @Test
    void typedHostsSkipDiscovery() {
        FoundServers found = FoundServers.find(parse("alice@example.com", "--host", "mail.example.com"), never);
        assertThat(found.candidates()).extracting(ServerCandidate::host, ServerCandidate::protocol, ServerCandidate::source)
                .containsExactly(tuple("mail.example.com", Protocol.SMTP, CandidateSource.USER));
        assertThat(found.notes()).isEmpty();
        assertThat(found.declined()).isEmpty();
    }

    @Test
    void aHostTargetIsTestedForIncomingMailTooWhenAnImapPortIsNamed() {
        FoundServers found = FoundServers.find(parse("mail.example.com", "--port", "imap:993"), never);
        assertThat(found.candidates()).extracting(ServerCandidate::protocol).containsExactly(Protocol.SMTP, Protocol.IMAP, Protocol.POP3);
    }

    @Test
    void anAddressIsDiscoveredWithTheOptionsConfigAndDeclinedServicesComeThrough() {
        DeclinedService noSubmission = new DeclinedService(Protocol.SMTP, Security.TLS, "_submissions._tcp.example.com");
        ServerCandidate mx = new ServerCandidate(Protocol.SMTP, "smtp.provider.test", null, null, CandidateSource.MX, false, "from MX");
        DiscoveryResult result = new DiscoveryResult(List.of(
                new SourceResult.NotFound(CandidateSource.SRV, "no SRV records", List.of(noSubmission)),
                new SourceResult.Found(CandidateSource.MX, List.of(mx), List.of())), CandidateSource.MX, 12);
        FoundServers found = FoundServers.find(parse("alice@example.com", "--dns", "127.0.0.1:5353", "--resolve", "a.test:127.0.0.1"),
                answering(result));
        assertThat(discovered).extracting(EmailAddress::toString).containsExactly("alice@example.com");
        assertThat(configs.get(0).dnsServer().getPort()).isEqualTo(5353);
        assertThat(configs.get(0).mappings()).hasSize(1);
        assertThat(found.candidates()).containsExactly(mx);
        assertThat(found.notes()).isEqualTo(result.notes());
        assertThat(found.declined()).containsExactly(noSubmission);
    }
}
