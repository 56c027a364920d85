package dev.mailwizard.export;

import dev.mailwizard.model.AuthMethod;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One server a client should use: where, how it is protected, the login name, how the login proves
 * who you are ({@code authMethod}: a password, or an OAuth2 access token), and the SASL mechanism
 * the test used (null when no login was tried; writers then allow PLAIN and LOGIN, or XOAUTH2 for
 * an OAuth2 login).
 */
public record ServerSetting(Endpoint endpoint, String username, String authMechanism, AuthMethod authMethod) {
    /** The SASL mechanisms that carry an OAuth2 access token. */
    static final Set<String> TOKEN_MECHANISMS = Set.of("XOAUTH2", "OAUTHBEARER");

    public ServerSetting {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(username, "username");
        authMethod = authMethod == null ? AuthMethod.PASSWORD : authMethod;
        authMechanism = authMechanism == null || authMechanism.isBlank() ? null : authMechanism.strip().toUpperCase(Locale.ROOT);
        if (authMethod == AuthMethod.OAUTH2) {
            if (authMechanism == null) {
                authMechanism = "XOAUTH2";
            } else if (!TOKEN_MECHANISMS.contains(authMechanism)) {
                throw new IllegalArgumentException("an OAuth2 login on " + endpoint.host() + " uses XOAUTH2 or OAUTHBEARER, not " + Text.shown(authMechanism));
            }
        }
    }

    /** A password login. */
    public ServerSetting(Endpoint endpoint, String username, String authMechanism) {
        this(endpoint, username, authMechanism, AuthMethod.PASSWORD);
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

    /** Whether the login sends an OAuth2 access token (XOAUTH2 or OAUTHBEARER) instead of a password. */
    public boolean oauth2() {
        return authMethod == AuthMethod.OAUTH2;
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
