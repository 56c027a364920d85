package dev.mailwizard.probe;

import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.Security;
import jakarta.mail.Session;

import java.util.Properties;

/**
 * The only place where Jakarta Mail session properties are set. Every session it makes is safe by
 * construction: timeouts bounded by the probe's deadline, STARTTLS required where it is used,
 * TLS 1.2 or newer, the server identity checked (unless the user pinned the exact certificate),
 * our trust material and resolver in the socket factories, never {@code ssl.trust=*}.
 */
final class MailSessionFactory {
    private final TrustMaterial trust;

    MailSessionFactory(TrustMaterial trust) {
        this.trust = trust;
    }

    /**
     * A session for one login on {@code endpoint}, connecting to {@code address} (the one the
     * diagnosis connected to). The certificate must name {@code endpoint.host()}: Jakarta Mail's
     * identity check stays on, with our verifier that checks the dialled name rather than the
     * address Jakarta Mail connected to.
     */
    Session smtpSession(Endpoint endpoint, String address, String mechanism, String ehloName,
                        Deadline deadline, SocketGuard guard, CredentialWatch watch) {
        String p = "mail.smtp.";
        Properties props = base(p, endpoint, address, deadline);
        props.put(p + "localhost", ehloName);
        props.put(p + "auth", "true");
        if (mechanism != null) {
            props.put(p + "auth.mechanisms", mechanism);
        }
        secure(props, p, endpoint, guard, watch);
        return Session.getInstance(props);
    }

    /** Where to connect, and timeouts from what is left of the probe's deadline. */
    private static Properties base(String p, Endpoint endpoint, String address, Deadline deadline) {
        Properties props = new Properties();
        String timeout = Integer.toString(deadline.remainingMillis());
        props.put(p + "host", address);
        props.put(p + "port", Integer.toString(endpoint.port()));
        props.put(p + "connectiontimeout", timeout);
        props.put(p + "timeout", timeout);
        return props;
    }

    /** Our sockets, TLS 1.2+, the identity check with our verifier, and implicit TLS or required STARTTLS. */
    private void secure(Properties props, String p, Endpoint endpoint, SocketGuard guard, CredentialWatch watch) {
        props.put(p + "socketFactory", ProbeSocketFactories.plain(guard, watch));
        props.put(p + "socketFactory.fallback", "false");
        if (endpoint.security() != Security.PLAIN) {
            props.put(p + "ssl.socketFactory", ProbeSocketFactories.tls(trust.strictTrustManager(), endpoint.host(), guard, watch));
            props.put(p + "ssl.protocols", String.join(" ", LineConnection.TLS_PROTOCOLS));
            props.put(p + "ssl.checkserveridentity", "true");
            props.put(p + "ssl.hostnameverifier", trust.hostnameVerifier(endpoint.host()));
        }
        if (endpoint.security() == Security.TLS) {
            props.put(p + "ssl.enable", "true");
        } else if (endpoint.security() == Security.STARTTLS) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
    }

    /** A session for an IMAP or POP3 store login, with the same safe settings as {@link #smtpSession}. */
    Session storeSession(Endpoint endpoint, String address, String mechanism, Deadline deadline, SocketGuard guard,
                         CredentialWatch watch) {
        String name = endpoint.protocol().name().toLowerCase(java.util.Locale.ROOT);
        String p = "mail." + name + ".";
        Properties props = base(p, endpoint, address, deadline);
        if ("imap".equals(name) && mechanism != null && !mechanism.equals("LOGIN")) {
            props.put(p + "auth.mechanisms", mechanism);
        }
        secure(props, p, endpoint, guard, watch);
        return Session.getInstance(props);
    }
}
