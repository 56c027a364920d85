package dev.mailwizard.model;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The table of well-known providers shipped with MailWizard ({@code dev/mailwizard/model/providers.json}):
 * what the ISPDB does not say (Gmail wants an app password) or says only over the network. Every
 * link in it is https and says where it came from; the file is checked as it is read, so a bad
 * entry fails the first use (and the build's tests) rather than showing a wrong link.
 */
public final class KnownProviders {
    /** The {@link HelpLink#source()} of links from this table. */
    public static final String SOURCE = "providers";
    private static final String RESOURCE = "/dev/mailwizard/model/providers.json";

    private final List<KnownProvider> providers;

    private KnownProviders(List<KnownProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    private static final class Bundled {
        static final KnownProviders TABLE = read(KnownProviders.class.getResourceAsStream(RESOURCE), RESOURCE);
    }

    /** The table shipped in the jar. */
    public static KnownProviders bundled() {
        return Bundled.TABLE;
    }

    public List<KnownProvider> all() {
        return providers;
    }

    /** The provider whose addresses end in {@code domain} ("gmail.com"), if the table knows one. */
    public Optional<KnownProvider> forAddressDomain(String domain) {
        return providers.stream().filter(p -> p.ownsAddressDomain(domain)).findFirst();
    }

    /** The provider that runs this server (smtp.gmail.com, outlook.office365.com, an MX name): the longest matching server domain. */
    public Optional<KnownProvider> forServer(String host) {
        return providers.stream().filter(p -> p.serverMatch(host) > 0)
                .max(Comparator.comparingInt(p -> p.serverMatch(host)));
    }

    /** The entry with this id (the ISPDB's {@code emailProvider id}). */
    public Optional<KnownProvider> byId(String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Whether a link to {@code host} in a refusal points to one provider's own help site. */
    public boolean isHelpSite(String host) {
        return providers.stream().anyMatch(p -> p.isHelpSite(host));
    }

    /** The file's shape, as Jackson reads it; unknown fields are an error, so a typo cannot pass unnoticed. */
    record FileJson(List<String> about, List<EntryJson> providers) {
    }

    record EntryJson(String id, String displayName, String hostedName, String signInWith, List<String> addressDomains,
                     List<String> serverDomains, String needs, String needsSource, boolean appPasswordForMailApps,
                     OAuth2Json oauth2, List<String> helpSites, List<LinkJson> help) {
    }

    record OAuth2Json(String issuer, List<String> scopes, String authorizationEndpoint, String tokenEndpoint, String source) {
    }

    record LinkJson(String purpose, String url, String description, List<String> refusals, String source) {
    }

    /**
     * Reads and checks a table.
     *
     * @throws IllegalStateException naming the entry and the field that is wrong
     */
    static KnownProviders read(InputStream in, String name) {
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the program");
        }
        FileJson file;
        try (in) {
            file = new ObjectMapper().readValue(in, FileJson.class);
        } catch (IOException e) {
            throw new UncheckedIOException(name + " cannot be read: " + e.getMessage(), e);
        }
        List<KnownProvider> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (EntryJson e : file.providers() == null ? List.<EntryJson>of() : file.providers()) {
            KnownProvider p = entry(e, name);
            if (!ids.add(p.id())) {
                throw new IllegalStateException(name + ": the id " + p.id() + " appears twice");
            }
            out.add(p);
        }
        return new KnownProviders(out);
    }

    private static KnownProvider entry(EntryJson e, String file) {
        String where = file + ", provider " + e.id();
        require(e.id(), where, "id");
        require(e.displayName(), where, "displayName");
        ProviderNeeds needs = null;
        if (e.needs() != null) {
            needs = ProviderNeeds.named(e.needs());
            if (needs == null) {
                throw new IllegalStateException(where + ": needs is " + e.needs() + ", not PASSWORD, APP_PASSWORD or OAUTH2");
            }
            require(e.needsSource(), where, "needsSource (who says it needs " + e.needs() + ")");
        }
        OAuth2Endpoints oauth2 = null;
        if (e.oauth2() != null) {
            OAuth2Json o = e.oauth2();
            require(o.issuer(), where, "oauth2.issuer");
            https(o.authorizationEndpoint(), where + ", oauth2.authorizationEndpoint");
            https(o.tokenEndpoint(), where + ", oauth2.tokenEndpoint");
            require(o.source(), where, "oauth2.source");
            oauth2 = new OAuth2Endpoints(o.issuer(), o.scopes(), o.authorizationEndpoint(), o.tokenEndpoint());
        }
        List<KnownProvider.Link> links = new ArrayList<>();
        for (LinkJson l : e.help() == null ? List.<LinkJson>of() : e.help()) {
            links.add(link(l, where));
        }
        return new KnownProvider(e.id(), e.displayName(), e.hostedName(), e.signInWith(), e.addressDomains(), e.serverDomains(),
                needs, e.appPasswordForMailApps(), oauth2, e.helpSites(), links);
    }

    private static KnownProvider.Link link(LinkJson l, String where) {
        String at = where + ", link " + l.url();
        https(l.url(), at);
        require(l.description(), at, "description");
        require(l.source(), at, "source (where the link came from)");
        KnownProvider.Purpose purpose = KnownProvider.Purpose.byId(String.valueOf(l.purpose()));
        if (purpose == null) {
            throw new IllegalStateException(at + ": purpose is " + l.purpose() + ", not app-password, settings, sign-in, admin or refusal");
        }
        List<LoginDiagnosis> refusals = new ArrayList<>();
        for (String d : l.refusals() == null ? List.<String>of() : l.refusals()) {
            LoginDiagnosis diagnosis = LoginDiagnosis.named(d);
            if (diagnosis == null) {
                throw new IllegalStateException(at + ": refusals names " + d + ", which is no diagnosis");
            }
            refusals.add(diagnosis);
        }
        return new KnownProvider.Link(purpose, l.url(), l.description(), refusals, l.source());
    }

    private static void require(String value, String where, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(where + ": " + field + " is missing");
        }
    }

    private static void https(String url, String where) {
        require(url, where, "the URL");
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": " + url + " is not a URL", e);
        }
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalStateException(where + ": " + url + " is not an https link");
        }
    }
}
