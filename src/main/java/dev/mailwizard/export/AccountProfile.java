package dev.mailwizard.export;

import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.HelpLink;
import dev.mailwizard.model.OAuth2Endpoints;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Provider;
import dev.mailwizard.model.ProviderNeeds;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the export writers turn into files: the account and its servers, best first. It comes from
 * a probe report (the recommendation, then the alternatives; {@code tested}) or from settings typed on the
 * command line (not tested). Each server says how it signs in; {@code provider} is what discovery
 * learnt about the mail provider (what it accepts, its OAuth2 endpoints, its help pages), or null;
 * {@code trust} is the CA and the pins the settings were tested with.
 */
public record AccountProfile(EmailAddress address, String displayName, List<ServerSetting> outgoing,
                             List<ServerSetting> incoming, boolean tested, Provider provider, ExportTrust trust) {
    public AccountProfile {
        Objects.requireNonNull(address, "address");
        trust = trust == null ? ExportTrust.NONE : trust;
        displayName = displayName == null ? "" : displayName.strip();
        outgoing = List.copyOf(outgoing);
        incoming = List.copyOf(incoming);
        if (outgoing.stream().anyMatch(s -> s.protocol() != Protocol.SMTP)) {
            throw new IllegalArgumentException("outgoing servers must be SMTP");
        }
        if (incoming.stream().anyMatch(s -> s.protocol() == Protocol.SMTP)) {
            throw new IllegalArgumentException("incoming servers must be IMAP or POP3");
        }
    }

    /** An account tested with the system's trust alone. */
    public AccountProfile(EmailAddress address, String displayName, List<ServerSetting> outgoing,
                          List<ServerSetting> incoming, boolean tested, Provider provider) {
        this(address, displayName, outgoing, incoming, tested, provider, ExportTrust.NONE);
    }

    /** An account whose provider no source named. */
    public AccountProfile(EmailAddress address, String displayName, List<ServerSetting> outgoing,
                          List<ServerSetting> incoming, boolean tested) {
        this(address, displayName, outgoing, incoming, tested, null);
    }

    /** A name for file names, identifiers and account labels: "alice-example-com". */
    public String slug() {
        return (address.localPart() + "-" + address.domain()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
    }

    /** For the files' header comments: where these settings came from. */
    public String origin() {
        return tested ? "from tested settings" : "from settings given by hand (not tested by MailWizard)";
    }

    /** The name to show as the sender: the display name, else the address. */
    public String senderName() {
        return displayName.isEmpty() ? address.toString() : displayName;
    }

    /** What the provider accepts from mail programs, when a source said. */
    public Optional<ProviderNeeds> needs() {
        return Optional.ofNullable(provider).map(Provider::needs);
    }

    /** The provider's OAuth2 authorization server, when a source named it. */
    public Optional<OAuth2Endpoints> oauth2Endpoints() {
        return Optional.ofNullable(provider).map(Provider::oauth2);
    }

    /** The provider's own help pages (app passwords, turning IMAP on), best first. */
    public List<HelpLink> help() {
        return provider == null ? List.of() : provider.help();
    }

    /** The provider's name for sentences: "Microsoft Outlook.com", else "your mail provider". */
    public String providerName() {
        if (provider != null && provider.displayName() != null && !provider.displayName().isBlank()) {
            return provider.displayName().strip();
        }
        return "your mail provider";
    }

    private Stream<ServerSetting> servers() {
        return Stream.concat(outgoing.stream(), incoming.stream());
    }

    /** Whether any server signs in with an OAuth2 access token. */
    public boolean usesOAuth2() {
        return servers().anyMatch(ServerSetting::oauth2);
    }

    /** Whether some server signs in with a password (so {@code --include-password} has something to write). */
    public boolean usesPassword() {
        return servers().anyMatch(s -> !s.oauth2());
    }
}
