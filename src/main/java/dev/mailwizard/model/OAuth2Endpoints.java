package dev.mailwizard.model;

import java.util.List;

/**
 * Where a provider's OAuth2 authorization server is, as an ISPDB {@code <oAuth2>} element or a
 * registrations file states it. Any part may be null when the source did not say.
 */
public record OAuth2Endpoints(String issuer, List<String> scopes, String authorizationEndpoint, String tokenEndpoint) {
    public OAuth2Endpoints {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }
}
