package dev.mailwizard.signin;

import java.net.URI;
import java.util.List;

/**
 * One entry of the registrations file, as written: the endpoints and scopes may be left out where
 * discovery knows them. {@code hosts} are lower-case ASCII names; the client secret never appears
 * in {@link #toString()}.
 *
 * @param authorizationEndpoint null when the file leaves it to discovery
 * @param tokenEndpoint         null when the file leaves it to discovery
 * @param scopes                empty when the file leaves them to discovery
 */
public record Registration(String issuer, List<String> hosts, String clientId, String clientSecret, URI authorizationEndpoint,
                           URI tokenEndpoint, List<String> scopes) {
    public Registration {
        hosts = List.copyOf(hosts);
        scopes = List.copyOf(scopes);
    }

    /** Whether this registration is for {@code serverHost}: one of its hosts is the name or a parent domain of it. */
    public boolean serves(String serverHost) {
        String host = serverHost.toLowerCase(java.util.Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        for (String h : hosts) {
            if (host.equals(h) || host.endsWith("." + h)) {
                return true;
            }
        }
        return false;
    }

    /** Whether this registration is with {@code issuer} (a URL or a bare host name, as the ISPDB and the file write it). */
    public boolean hasIssuer(String issuer) {
        return Issuers.same(this.issuer, issuer);
    }

    @Override
    public String toString() {
        return "Registration[issuer=" + issuer + ", hosts=" + hosts + ", clientId=" + clientId + ", clientSecret="
                + (clientSecret == null ? "none" : "<redacted>") + ", authorizationEndpoint=" + authorizationEndpoint
                + ", tokenEndpoint=" + tokenEndpoint + ", scopes=" + scopes + "]";
    }
}
