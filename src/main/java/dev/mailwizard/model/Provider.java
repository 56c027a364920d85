package dev.mailwizard.model;

import java.util.List;

/**
 * The mail provider behind an address, as discovery learnt it: its id and name (the ISPDB's
 * {@code emailProvider id} and {@code displayName}, or our table of well-known providers), what it
 * accepts from mail programs ({@code needs}, null when no source said), its OAuth2 endpoints (null
 * when it has none or none is known) and its help pages. The contract's top-level {@code provider}.
 */
public record Provider(String id, String displayName, ProviderNeeds needs, OAuth2Endpoints oauth2, List<HelpLink> help) {
    public Provider {
        id = DisplayText.escape(id);
        displayName = DisplayText.escape(displayName);
        help = help == null ? List.of() : List.copyOf(help);
    }
}
