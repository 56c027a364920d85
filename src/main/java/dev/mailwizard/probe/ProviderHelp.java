package dev.mailwizard.probe;

import dev.mailwizard.model.KnownProvider;
import dev.mailwizard.model.KnownProviders;
import dev.mailwizard.model.LoginDiagnosis;

import java.util.Optional;

/**
 * What the table of well-known providers ({@link KnownProviders}, the data file that says where
 * each link came from) adds to a refused login: the provider's name, its help page per diagnosis,
 * and whether mail programs need an app password there even when the reply only says "invalid
 * credentials" (Yahoo, AOL).
 */
record ProviderHelp(KnownProvider provider) {
    /** The provider that runs this server name (smtp.gmail.com, outlook.office365.com, imap.mail.yahoo.com), if known. */
    static Optional<ProviderHelp> forServer(String host) {
        return KnownProviders.bundled().forServer(host).map(ProviderHelp::new);
    }

    /** Whether a link found in a reply points to a provider's help site. */
    static boolean isHelpHost(String linkHost) {
        return KnownProviders.bundled().isHelpSite(linkHost);
    }

    String name() {
        return provider.displayName();
    }

    boolean appPasswordForMailApps() {
        return provider.appPasswordForMailApps();
    }

    /** Its help page for this diagnosis, or null. */
    String link(LoginDiagnosis d) {
        return provider.refusalHelp(d).orElse(null);
    }
}
