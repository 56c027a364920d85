package dev.mailwizard.discovery;

import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.HelpLink;
import dev.mailwizard.model.Provider;
import dev.mailwizard.model.ServerCandidate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Type;

/**
 * Finds the mail host from the MX record: the best MX's registrable domain (Public Suffix List)
 * is looked up in the ISPDB, so a domain hosted by a big provider finds that provider's settings.
 * Such servers belong to another domain, so they are untrusted until the user confirms them.
 */
public final class MxFinder implements CandidateFinder {
    private final DnsClient dns;
    private final ConfigFileFetcher files;
    private final IspdbFinder ispdb;
    private final DiscoveryConfig config;

    MxFinder(DnsClient dns, ConfigFileFetcher files, IspdbFinder ispdb, DiscoveryConfig config) {
        this.dns = dns;
        this.files = files;
        this.ispdb = ispdb;
        this.config = config;
    }

    @Override
    public CandidateSource source() {
        return CandidateSource.MX;
    }

    @Override
    public SourceResult find(EmailAddress address) {
        DnsClient.Answer answer;
        try {
            answer = dns.query(address.domain(), Type.MX);
        } catch (DnsClient.DnsFailure e) {
            return e.notFound() ? new SourceResult.NotFound(CandidateSource.MX, e.getMessage())
                    : new SourceResult.Failed(CandidateSource.MX, e.getMessage());
        }
        String mxHost = answer.records().stream().map(r -> (MXRecord) r)
                .min(Comparator.comparingInt(MXRecord::getPriority))
                .map(r -> r.getTarget().toString(true)).orElse("");
        if (mxHost.isEmpty() || mxHost.equals(".")) {
            return new SourceResult.NotFound(CandidateSource.MX, address.domain() + " accepts no mail (null MX)");
        }
        String provider = DomainNames.registrable(mxHost);
        if (provider.equals(DomainNames.registrable(address.domain()))) {
            return new SourceResult.NotFound(CandidateSource.MX, "the MX " + mxHost + " is in the same domain; guessing covers it");
        }
        // The provider's own autoconfig first, then the ISPDB, as Thunderbird does for MX-derived domains.
        String port = config.httpsPort() == 443 ? "" : ":" + config.httpsPort();
        SourceResult viaAutoconfig = files.fetch(java.net.URI.create("https://autoconfig." + provider + port + "/mail/config-v1.1.xml"),
                address, CandidateSource.MX, true, "autoconfig file at");
        SourceResult viaIspdb = viaAutoconfig instanceof SourceResult.Found ? viaAutoconfig : ispdb.lookup(address, provider, CandidateSource.MX);
        if (viaIspdb instanceof SourceResult.Found found) {
            boolean ownFile = viaIspdb == viaAutoconfig;
            List<ServerCandidate> untrusted = new ArrayList<>();
            for (ServerCandidate c : found.candidates()) {
                untrusted.add(new ServerCandidate(c.protocol(), c.host(), c.port(), c.security(), CandidateSource.MX, false,
                        "MX " + mxHost + " -> " + provider + " (" + (ownFile ? "its autoconfig file" : "ISPDB")
                                + "); another domain: confirm before sending a password", c.authentication()));
            }
            // The servers are another domain's, but the file describes that provider truly: it came over verified HTTPS.
            return new SourceResult.Found(CandidateSource.MX, untrusted, found.notes(), List.of(),
                    linksFrom(found.provider(), ownFile ? CandidateSource.AUTOCONFIG : CandidateSource.ISPDB));
        }
        return new SourceResult.NotFound(CandidateSource.MX, "MX " + mxHost + " -> " + provider + ": " + viaIspdb.summary());
    }

    /** The provider with its help links marked as coming from the file that gave them, not from "mx". */
    private static Provider linksFrom(Provider p, CandidateSource file) {
        if (p == null) {
            return null;
        }
        List<HelpLink> links = p.help().stream().map(l -> new HelpLink(l.url(), l.description(), file.id())).toList();
        return new Provider(p.id(), p.displayName(), p.needs(), p.oauth2(), links);
    }
}
