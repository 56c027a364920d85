package dev.mailwizard.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One entry of the table of well-known providers ({@link KnownProviders}): how to recognise it
 * (address domains, server domains), what mail programs need there, its OAuth2 endpoints when it
 * has public ones, and its own help pages with what each is for.
 *
 * @param hostedName             the name to show when only the servers belong to the provider (a company
 *                               domain on Google Workspace); null: the display name
 * @param signInWith             whose sign-in page OAuth2 shows ("Google"); null: the display name
 * @param needs                  what a mail program needs there; null when the table does not say
 * @param appPasswordForMailApps a refusal that only says "invalid credentials" means "use an app password" here
 * @param helpSites              hosts whose https links in a refusal count as the provider's own help
 */
public record KnownProvider(String id, String displayName, String hostedName, String signInWith,
                            List<String> addressDomains, List<String> serverDomains, ProviderNeeds needs,
                            boolean appPasswordForMailApps, OAuth2Endpoints oauth2, List<String> helpSites, List<Link> help) {
    /** What a help page is for. */
    public enum Purpose {
        APP_PASSWORD("app-password"), SETTINGS("settings"), SIGN_IN("sign-in"), ADMIN("admin"), REFUSAL("refusal");

        private final String id;

        Purpose(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** The purpose with this data-file id, or null. */
        public static Purpose byId(String id) {
            for (Purpose p : values()) {
                if (p.id.equals(id)) {
                    return p;
                }
            }
            return null;
        }
    }

    /** A help page: what it is for, the diagnoses of a refused login it explains, and where the link came from. */
    public record Link(Purpose purpose, String url, String description, List<LoginDiagnosis> refusals, String source) {
        public Link {
            refusals = List.copyOf(refusals);
        }
    }

    public KnownProvider {
        addressDomains = lower(addressDomains);
        serverDomains = lower(serverDomains);
        helpSites = lower(helpSites);
        help = List.copyOf(help);
    }

    /** Whether an address in {@code domain} is this provider's own (the domain or a subdomain of one of its domains). */
    public boolean ownsAddressDomain(String domain) {
        return longestMatch(addressDomains, domain) > 0;
    }

    /** How long the longest of its server domains is that {@code host} lies in; 0 when none. */
    public int serverMatch(String host) {
        return longestMatch(serverDomains, host);
    }

    /** Whether {@code host} is one of its help sites. */
    public boolean isHelpSite(String host) {
        return longestMatch(helpSites, host) > 0;
    }

    /** Its help page for a refused login with this diagnosis, if it has one. */
    public Optional<String> refusalHelp(LoginDiagnosis diagnosis) {
        return help.stream().filter(l -> l.refusals().contains(diagnosis)).map(Link::url).findFirst();
    }

    /**
     * The provider as a report names it: its help pages except those only for refused logins, in
     * the table's order (the first is what a hint links to).
     *
     * @param hosted the address is not in one of its domains, only the servers are
     */
    public Provider toProvider(boolean hosted) {
        List<HelpLink> links = help.stream().filter(l -> l.purpose() != Purpose.REFUSAL)
                .map(l -> new HelpLink(l.url(), l.description(), KnownProviders.SOURCE)).toList();
        return new Provider(id, hosted && hostedName != null ? hostedName : displayName, needs, oauth2, links);
    }

    private static int longestMatch(List<String> domains, String name) {
        if (name == null) {
            return 0;
        }
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        int best = 0;
        for (String d : domains) {
            if ((n.equals(d) || n.endsWith("." + d)) && d.length() > best) {
                best = d.length();
            }
        }
        return best;
    }

    private static List<String> lower(List<String> names) {
        return names == null ? List.of() : names.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }
}
