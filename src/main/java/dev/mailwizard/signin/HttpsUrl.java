package dev.mailwizard.signin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The one rule for OAuth2 endpoints: absolute https URLs with a host, no user name, no fragment. */
final class HttpsUrl {
    private HttpsUrl() {
    }

    /** The URL, or IllegalArgumentException saying what is wrong with {@code value}. */
    static URI parse(String value) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + value + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https")) {
            throw new IllegalArgumentException("'" + value + "' is not an https URL: tokens and codes travel only over verified HTTPS");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("'" + value + "' is not an https URL with a host (and no user name or #fragment)");
        }
        return uri;
    }
}
