package dev.mailwizard.discovery;

import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.EmailAddress;

import java.net.URI;

/** Thunderbird's ISP database: {@code <ispdb>/<domain>}, trusted when fetched over HTTPS. */
public final class IspdbFinder implements CandidateFinder {
    private final ConfigFileFetcher fetcher;
    private final URI base;

    IspdbFinder(ConfigFileFetcher fetcher, URI base) {
        this.fetcher = fetcher;
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
    }

    @Override
    public CandidateSource source() {
        return CandidateSource.ISPDB;
    }

    @Override
    public SourceResult find(EmailAddress address) {
        return lookup(address, address.domain(), CandidateSource.ISPDB);
    }

    SourceResult lookup(EmailAddress address, String domain, CandidateSource as) {
        URI uri = base.resolve(domain);
        return fetcher.fetch(uri, address, as, true, "ISPDB entry");
    }
}
