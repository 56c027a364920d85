package dev.mailwizard.export;

import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.Protocol;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the export writers turn into files: the account and its servers, best first. It comes from
 * a probe report (the recommendation, then the alternatives; {@code tested}) or from settings typed on the
 * command line (not tested).
 */
public record AccountProfile(EmailAddress address, String displayName, List<ServerSetting> outgoing,
                             List<ServerSetting> incoming, boolean tested) {
    public AccountProfile {
        Objects.requireNonNull(address, "address");
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
}
