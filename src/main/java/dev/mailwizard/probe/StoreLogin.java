package dev.mailwizard.probe;

import dev.mailwizard.model.Outcome;
import dev.mailwizard.model.Credentials;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.LoginDiagnosis;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * The IMAP/POP3 credential check through Jakarta Mail's stores; as proof of a real login it
 * counts the messages in INBOX. The boundary where store exceptions become a {@link LoginAttempt}.
 */
final class StoreLogin {
    private StoreLogin() {
    }

    /** {@code token} is the SASL state of an IMAP token login (null otherwise): it holds the server's error challenge. */
    static LoginAttempt attempt(Session session, Endpoint endpoint, Credentials credentials, String mechanism, Transcript transcript,
                                TokenSaslLogin token) {
        char[] password = credentials.password();
        Store store = null;
        try {
            store = session.getStore(endpoint.protocol().name().toLowerCase(Locale.ROOT));
            transcript.note("login through Jakarta Mail: new connection to " + endpoint.host() + ":" + endpoint.port() + " " + endpoint.security());
            transcript.client((mechanism == null ? "LOGIN" : mechanism) + " " + credentials.username() + " <redacted>");
            store.connect(credentials.username(), new String(password));
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            int count = inbox.getMessageCount();
            inbox.close(false);
            String reply = "logged in; INBOX holds " + count + " message" + (count == 1 ? "" : "s");
            transcript.server(reply);
            return new LoginAttempt.Accepted(mechanism, reply, null);
        } catch (AuthenticationFailedException e) {
            String reply = String.valueOf(e.getMessage()).strip();
            if (token != null && token.errorChallenge().isPresent()) {
                String challenge = token.errorChallenge().get();
                transcript.server("+ " + challenge + " (decoded)");
                transcript.client(TokenMechanisms.XOAUTH2.equals(mechanism) ? "(empty line)" : "AQ== (0x01, RFC 7628: error acknowledged)");
                transcript.server(reply);
                return new LoginAttempt.Rejected(mechanism, "+ " + challenge + " / " + reply);
            }
            transcript.server(reply);
            return new LoginAttempt.Rejected(mechanism, reply);
        } catch (MessagingException e) {
            Optional<String> refusal = pop3TokenRefusal(e, endpoint, mechanism);
            if (refusal.isPresent()) {
                transcript.note("Jakarta Mail took the server's error challenge to XOAUTH2 for a login and sent STAT as its answer;"
                        + " the server's refusal came back to that STAT");
                transcript.server(refusal.get());
                return new LoginAttempt.Rejected(mechanism, refusal.get());
            }
            Optional<String> bye = refusingBye(e, endpoint);
            if (bye.isPresent()) {
                transcript.server(bye.get());
                return new LoginAttempt.Rejected(mechanism, bye.get());
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SocketTimeoutException) {
                    return new LoginAttempt.Failed(Outcome.TIMEOUT, "the login connection timed out");
                }
                if (t instanceof ConnectException) {
                    return new LoginAttempt.Failed(Outcome.REFUSED, "the login connection was refused");
                }
                if (t instanceof SSLException) {
                    return new LoginAttempt.Failed(Outcome.TLS_HANDSHAKE_FAILED, "the login connection's TLS check failed: " + t.getMessage());
                }
            }
            return new LoginAttempt.Failed(Outcome.PROTOCOL_ERROR, "the login failed before the server judged the password: " + e.getMessage());
        } finally {
            Arrays.fill(password, '\0');
            if (store != null) {
                try {
                    store.close();
                } catch (MessagingException ignored) {
                    // gone either way
                }
            }
        }
    }

    /**
     * Angus 2.0.5's POP3 XOAUTH2 reads the server's error challenge ("+ " and Base64 JSON) as a
     * success; opening INBOX then sends STAT, which the server takes as the answer to its challenge
     * and refuses: "STAT command failed: [AUTH] ..." is the server's refusal of the token.
     */
    private static Optional<String> pop3TokenRefusal(MessagingException e, Endpoint endpoint, String mechanism) {
        if (endpoint.protocol() != dev.mailwizard.model.Protocol.POP3 || !TokenMechanisms.XOAUTH2.equals(mechanism)) {
            return Optional.empty();
        }
        String prefix = "STAT command failed: ";
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.startsWith(prefix)) {
                return Optional.of("-ERR " + m.substring(prefix.length()).strip());
            }
        }
        return Optional.empty();
    }

    /**
     * A server that answers the login with "* BYE" and a reason instead of a tagged NO (Exchange
     * does so after some refusals) makes Jakarta Mail throw a connection error rather than
     * AuthenticationFailedException; when the BYE's words read as a refusal, it is one.
     */
    private static Optional<String> refusingBye(MessagingException e, Endpoint endpoint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).strip();
            if (m.startsWith("* BYE ") && LoginReplyDiagnosis.read(endpoint.protocol(), endpoint.host(), m).diagnosis() != LoginDiagnosis.UNKNOWN) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
