package dev.mailwizard.discovery;

import dev.mailwizard.model.HelpLink;
import dev.mailwizard.model.KnownProvider;
import dev.mailwizard.model.KnownProviders;
import dev.mailwizard.model.Provider;
import dev.mailwizard.model.ProviderNeeds;
import dev.mailwizard.model.ServerCandidate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which provider is behind an address, from what an autoconfig or ISPDB file stated and the table
 * of well-known providers ({@link KnownProviders}). The merge rule, in one place:
 * <ol>
 * <li>The table's entry is the one for the address's domain, else the one whose id is the file's
 *     {@code emailProvider id}, else the one running the first server that belongs to a known
 *     provider (a company domain on Google Workspace). Matched other than by the address, it is
 *     "hosted" and takes its hosted name (Google Workspace rather than Gmail).</li>
 * <li>{@code id} and {@code displayName}: the table's (written for sentences like "Gmail does not
 *     accept..."), else the file's.</li>
 * <li>{@code needs}: OAUTH2 when OAuth2 is the only way the file's servers name; else the table's
 *     APP_PASSWORD or OAUTH2; else PASSWORD when the file names only passwords; else the table's
 *     PASSWORD; else null (nobody said).</li>
 * <li>{@code oauth2}: the file's endpoints (fresh from the source), else the table's.</li>
 * <li>{@code help}: the table's links first (the first one is for what the provider needs), then
 *     the file's ({@code enable}, then {@code documentation}), each URL once.</li>
 * </ol>
 * No file and no table entry: no provider.
 */
public final class ProviderResolution {
    private ProviderResolution() {
    }

    /**
     * @param addressDomain the address's domain, or null (a host was probed, not an address)
     * @param stated        the provider a file named, or null
     * @param servers       the candidate servers, best first
     */
    public static Optional<Provider> resolve(String addressDomain, Provider stated, List<ServerCandidate> servers) {
        return resolve(KnownProviders.bundled(), addressDomain, stated, servers);
    }

    static Optional<Provider> resolve(KnownProviders table, String addressDomain, Provider stated, List<ServerCandidate> servers) {
        Optional<KnownProvider> byAddress = addressDomain == null ? Optional.empty() : table.forAddressDomain(addressDomain);
        Optional<KnownProvider> entry = byAddress
                .or(() -> stated == null ? Optional.empty() : table.byId(stated.id()))
                .or(() -> servers.stream().map(s -> table.forServer(s.host())).flatMap(Optional::stream).findFirst());
        if (entry.isEmpty()) {
            return Optional.ofNullable(stated);
        }
        Provider known = entry.get().toProvider(byAddress.isEmpty());
        if (stated == null) {
            return Optional.of(known);
        }
        return Optional.of(new Provider(known.id(), known.displayName(), needs(stated.needs(), known.needs()),
                stated.oauth2() != null ? stated.oauth2() : known.oauth2(), links(known.help(), stated.help())));
    }

    private static ProviderNeeds needs(ProviderNeeds stated, ProviderNeeds known) {
        if (stated == ProviderNeeds.OAUTH2) {
            return ProviderNeeds.OAUTH2;
        }
        if (known == ProviderNeeds.APP_PASSWORD || known == ProviderNeeds.OAUTH2) {
            return known;
        }
        return stated != null ? stated : known;
    }

    private static List<HelpLink> links(List<HelpLink> first, List<HelpLink> then) {
        List<HelpLink> out = new ArrayList<>(first);
        then.stream().filter(l -> out.stream().noneMatch(o -> o.url().equals(l.url()))).forEach(out::add);
        return out;
    }
}
