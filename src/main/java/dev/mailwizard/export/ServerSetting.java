package dev.mailwizard.export;

import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;

import java.util.Locale;
import java.util.Objects;

/**
 * One server a client should use: where, how it is protected, the login name, and the SASL
 * mechanism the test used (null when no login was tried; writers then allow PLAIN and LOGIN).
 */
public record ServerSetting(Endpoint endpoint, String username, String authMechanism) {
    public ServerSetting {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(username, "username");
        authMechanism = authMechanism == null || authMechanism.isBlank() ? null : authMechanism.strip().toUpperCase(Locale.ROOT);
    }

    public Protocol protocol() {
        return endpoint.protocol();
    }

    public String host() {
        return endpoint.host();
    }

    public int port() {
        return endpoint.port();
    }

    public Security security() {
        return endpoint.security();
    }

    /** CRAM-MD5 and DIGEST-MD5 hide the password from the server's log; everything else sends it inside TLS. */
    public boolean challengeResponse() {
        return "CRAM-MD5".equals(authMechanism) || "DIGEST-MD5".equals(authMechanism);
    }

    /** "smtp.example.com port 465 (SSL/TLS)", for notes and comments. */
    public String describe() {
        return protocol() + " " + host() + " port " + port() + " (" + security().label() + ")";
    }
}
