package dev.mailwizard.probe;

import dev.mailwizard.model.Outcome;
import dev.mailwizard.model.Credentials;
import dev.mailwizard.model.Endpoint;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * The credential check (and optional test message) through Jakarta Mail. This is the boundary
 * where Jakarta Mail's exceptions become a {@link LoginAttempt}; nothing above sees them.
 */
final class SmtpLogin {
    private SmtpLogin() {
    }

    /** {@code token} is the SASL state of a token login (null for a password): it holds the server's error challenge. */
    static LoginAttempt attempt(Session session, Endpoint endpoint, Credentials credentials, String mechanism,
                                String fromAddress, String sendTestTo, Transcript transcript, TokenSaslLogin token) {
        char[] password = credentials.password();
        SMTPTransport transport = null;
        try {
            transport = (SMTPTransport) session.getTransport("smtp");
            transcript.note("login through Jakarta Mail: new connection to " + endpoint.host() + ":" + endpoint.port() + " " + endpoint.security());
            transcript.client("AUTH " + (mechanism == null ? "" : mechanism + " ") + "<redacted>");
            transport.connect(credentials.username(), new String(password));
            String reply = lastReply(transport);
            transcript.server(reply);
            TestMessage test = null;
            if (sendTestTo != null) {
                test = sendTest(session, transport, fromAddress, sendTestTo, transcript);
            }
            return new LoginAttempt.Accepted(mechanism, reply, test);
        } catch (AuthenticationFailedException e) {
            String reply = transport != null && !lastReply(transport).isEmpty() ? lastReply(transport) : String.valueOf(e.getMessage()).strip();
            Optional<String> challenge = token == null ? Optional.empty() : token.errorChallenge();
            challenge.ifPresent(c -> {
                transcript.server("334 " + c + " (decoded)");
                transcript.client(TokenMechanisms.XOAUTH2.equals(mechanism) ? "(empty line)" : "AQ== (0x01, RFC 7628: error acknowledged)");
            });
            transcript.server(reply);
            // The error challenge says why a token was refused; the report's reply keeps it before the final answer.
            return new LoginAttempt.Rejected(mechanism, challenge.map(c -> "334 " + c + " / " + reply).orElse(reply));
        } catch (MessagingException e) {
            return failure(e);
        } finally {
            java.util.Arrays.fill(password, '\0');
            close(transport);
        }
    }

    private static TestMessage sendTest(Session session, SMTPTransport transport, String from, String to, Transcript transcript) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from));
            InternetAddress[] rcpt = InternetAddress.parse(to, true);
            message.setRecipients(Message.RecipientType.TO, rcpt);
            message.setSubject("MailWizard test message");
            message.setSentDate(new Date());
            message.setText("This is a test message from MailWizard, sent " + Instant.now()
                    + " to prove that these outgoing mail settings work. No reply is needed.\n", "UTF-8");
            message.setHeader("X-Mailer", "MailWizard");
            transcript.client("MAIL FROM:<" + from + "> / RCPT TO:<" + to + "> / DATA (test message)");
            transport.sendMessage(message, rcpt);
            String reply = lastReply(transport);
            transcript.server(reply);
            return new TestMessage(to, true, reply);
        } catch (MessagingException e) {
            String reply = lastReply(transport);
            transcript.note("test message failed: " + e.getMessage());
            return new TestMessage(to, false, reply.isEmpty() ? String.valueOf(e.getMessage()) : reply);
        }
    }

    private static LoginAttempt failure(MessagingException e) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            root = t;
            if (t instanceof SocketTimeoutException) {
                return new LoginAttempt.Failed(Outcome.TIMEOUT, "the login connection timed out");
            }
            if (t instanceof UnknownHostException) {
                return new LoginAttempt.Failed(Outcome.UNRESOLVED, "the server name did not resolve for the login connection");
            }
            if (t instanceof ConnectException) {
                return new LoginAttempt.Failed(Outcome.REFUSED, "the login connection was refused");
            }
            if (t instanceof SSLException) {
                return new LoginAttempt.Failed(Outcome.TLS_HANDSHAKE_FAILED,
                        "the login connection's TLS check failed (the server presented something else than during the test?): " + t.getMessage());
            }
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("STARTTLS")) {
            return new LoginAttempt.Failed(Outcome.STARTTLS_NOT_OFFERED, "the login connection could not start STARTTLS: " + message);
        }
        return new LoginAttempt.Failed(Outcome.PROTOCOL_ERROR, "the login failed before the server judged the password: " + root.getMessage());
    }

    /**
     * The server's last reply; Jakarta Mail keeps every line of a multi-line one ("534-..." then
     * "534 ..."), joined here with " / " so the whole reply reads on one line.
     */
    private static String lastReply(SMTPTransport transport) {
        String r = transport.getLastServerResponse();
        return r == null ? "" : String.join(" / ", r.strip().split("\\r?\\n"));
    }

    private static void close(SMTPTransport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // QUIT failed; the connection is gone either way
            }
        }
    }
}
