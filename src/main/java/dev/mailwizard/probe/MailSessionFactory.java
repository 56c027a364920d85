package dev.mailwizard.probe;

import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.Security;
import jakarta.mail.Session;

import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The only place where Jakarta Mail session properties are set. Every session it makes is safe by
 * construction: timeouts bounded by the probe's deadline, STARTTLS required where it is used,
 * TLS 1.2 or newer, the server identity checked (unless the user pinned the exact certificate),
 * our trust material and resolver in the socket factories, never {@code ssl.trust=*}.
 */
final class MailSessionFactory {
    /**
     * Angus logs each SASL response after a challenge (a token, when the initial response is not
     * inline) at FINE, on the SMTP and IMAP store loggers (named after the packages of SMTPTransport
     * and IMAPStore); they are set to INFO when this class loads, over a logging configuration that
     * asked for FINE (held here, since java.util.logging keeps loggers weakly).
     */
    private static final List<Logger> QUIET_SASL_LOGGERS = List.of(Logger.getLogger("org.eclipse.angus.mail.smtp"),
            Logger.getLogger("org.eclipse.angus.mail.imap"));

    static {
        QUIET_SASL_LOGGERS.forEach(l -> l.setLevel(Level.INFO));
    }

    private final TrustMaterial trust;

    MailSessionFactory(TrustMaterial trust) {
        this.trust = trust;
    }

    /**
     * A session for one login on {@code endpoint}, connecting to {@code address} (the one the
     * diagnosis connected to). The certificate must name {@code endpoint.host()}: Jakarta Mail's
     * identity check stays on, with our verifier that checks the dialled name rather than the
     * address Jakarta Mail connected to. {@code token} is null for a password login.
     */
    Session smtpSession(Endpoint endpoint, String address, String mechanism, String ehloName,
                        Deadline deadline, SocketGuard guard, CredentialWatch watch, TokenSaslLogin token) {
        String p = "mail.smtp.";
        Properties props = base(p, endpoint, address, deadline);
        props.put(p + "localhost", ehloName);
        props.put(p + "auth", "true");
        if (token != null) {
            tokenSasl(props, p, token);
        } else if (mechanism != null) {
            props.put(p + "auth.mechanisms", mechanism);
        }
        secure(props, p, endpoint, guard, watch);
        return Session.getInstance(props);
    }

    /**
     * A token login over Jakarta Mail's SASL with our {@link TokenSaslClient} for exactly this
     * mechanism. When no SASL client answers, Angus falls back to its own mechanisms: limited here to
     * the same one (SMTP, IMAP) so that PLAIN and LOGIN never carry the token. IMAP's last resort,
     * the LOGIN command, cannot be switched off by a property; {@link CredentialWatch} stops it.
     */
    private static void tokenSasl(Properties props, String p, TokenSaslLogin token) {
        TokenSaslProvider.install();
        props.put(p + "sasl.enable", "true");
        props.put(p + "sasl.mechanisms", token.mechanism());
        props.put(p + "auth.mechanisms", token.mechanism());
        props.put(TokenSaslLogin.PROPERTY, token);
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

    /**
     * A session for an IMAP or POP3 store login, with the same safe settings as {@link #smtpSession}.
     * {@code token} is null for a password login and for POP3, which has no SASL in Angus: there a
     * token goes with Angus' own XOAUTH2, in two lines (RFC 5034 allows 255 octets for "AUTH mech
     * initial-response", far less than a token).
     */
    Session storeSession(Endpoint endpoint, String address, String mechanism, Deadline deadline, SocketGuard guard,
                         CredentialWatch watch, TokenSaslLogin token) {
        String name = endpoint.protocol().name().toLowerCase(java.util.Locale.ROOT);
        String p = "mail." + name + ".";
        Properties props = base(p, endpoint, address, deadline);
        if (token != null) {
            tokenSasl(props, p, token);
        } else if ("pop3".equals(name) && TokenMechanisms.XOAUTH2.equals(mechanism)) {
            props.put(p + "auth.mechanisms", TokenMechanisms.XOAUTH2);
            props.put(p + "auth.xoauth2.two.line.authentication.format", "true");
        } else if ("imap".equals(name) && mechanism != null && !mechanism.equals("LOGIN")) {
            props.put(p + "auth.mechanisms", mechanism);
        }
        secure(props, p, endpoint, guard, watch);
        return Session.getInstance(props);
    }
}
