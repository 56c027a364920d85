package dev.mailwizard.discovery;

import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.EmailAddress;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The provider's own autoconfig file: {@code https://autoconfig.<domain>/mail/config-v1.1.xml},
 * then {@code https://<domain>/.well-known/autoconfig/mail/config-v1.1.xml}, then (untrusted, and
 * without the address) the plain-HTTP autoconfig URL. All three are asked at once; the first in
 * that order that has a file wins.
 */
public final class AutoconfigFinder implements CandidateFinder {
    private final ConfigFileFetcher fetcher;
    private final DiscoveryConfig config;

    AutoconfigFinder(ConfigFileFetcher fetcher, DiscoveryConfig config) {
        this.fetcher = fetcher;
        this.config = config;
    }

    @Override
    public CandidateSource source() {
        return CandidateSource.AUTOCONFIG;
    }

    @Override
    public SourceResult find(EmailAddress address) {
        String d = address.domain();
        String https = config.httpsPort() == 443 ? "" : ":" + config.httpsPort();
        String http = config.httpPort() == 80 ? "" : ":" + config.httpPort();
        String email = URLEncoder.encode(address.toString(), StandardCharsets.UTF_8);
        List<URI> urls = List.of(
                URI.create("https://autoconfig." + d + https + "/mail/config-v1.1.xml?emailaddress=" + email),
                URI.create("https://" + d + https + "/.well-known/autoconfig/mail/config-v1.1.xml"),
                URI.create("http://autoconfig." + d + http + "/mail/config-v1.1.xml"));
        ExecutorService executor = Executors.newFixedThreadPool(urls.size(), r -> {
            Thread t = new Thread(r, "autoconfig");
            t.setDaemon(true);
            return t;
        });
        try {
            return firstFound(urls, address, executor);
        } finally {
            executor.shutdownNow();
        }
    }

    private SourceResult firstFound(List<URI> urls, EmailAddress address, ExecutorService executor) {
        List<CompletableFuture<SourceResult>> tries = new ArrayList<>();
        for (URI url : urls) {
            tries.add(CompletableFuture.supplyAsync(() -> fetcher.fetch(url, address, CandidateSource.AUTOCONFIG,
                    url.getScheme().equals("https"), "autoconfig file at"), executor));
        }
        List<String> reasons = new ArrayList<>();
        boolean failed = false;
        for (CompletableFuture<SourceResult> t : tries) {
            SourceResult r = t.join();
            if (r instanceof SourceResult.Found) {
                return r;
            }
            failed |= r instanceof SourceResult.Failed;
            if (!reasons.contains(r.reason())) {
                reasons.add(r.reason());
            }
        }
        String why = String.join("; ", reasons);
        return failed ? new SourceResult.Failed(CandidateSource.AUTOCONFIG, why) : new SourceResult.NotFound(CandidateSource.AUTOCONFIG, why);
    }
}
