package dev.mailwizard.demo;

import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * How a scripted IMAP or POP3 server behaves: a good one by default, or one of the traps.
 *
 * @param greeting            null for the protocol's normal greeting
 * @param implicitTls         TLS from the first byte (993/995) with {@code tls}
 * @param offerStarttls       STARTTLS (IMAP) or STLS (POP3) in the capabilities before TLS
 * @param refuseStarttls      answer STARTTLS/STLS with an error
 * @param injectAfterStarttls bytes sent right after the OK to STARTTLS/STLS
 * @param preauth             IMAP: greet with PREAUTH (already logged in, in clear)
 * @param loginDisabledAfterTls IMAP: LOGINDISABLED and no AUTH= even after TLS
 * @param loginReply          empty for a normal login; else the lines LOGIN, AUTHENTICATE (IMAP) and PASS
 *                            (POP3) are answered with, as given (IMAP: the tag goes before each line
 *                            that does not start with "*"), whatever the password
 * @param oldTlsOnly          empty for TLS 1.2/1.3; else the only (old) versions spoken, and a
 *                            ClientHello offering none of them is hung up on without an alert
 * @param sasl                empty for the protocol's usual login after TLS (IMAP: AUTH=PLAIN; POP3: USER);
 *                            else the SASL mechanisms offered after TLS, as spelled here (IMAP: AUTH=...,
 *                            POP3: "SASL ..." beside USER). XOAUTH2 and OAUTHBEARER take a user's
 *                            {@code users} entry as the token, and answer another token as Gmail does
 * @param saslIr              IMAP: announce SASL-IR (RFC 4959), so a client may send its first response inline
 */
public record MailboxBehaviour(String greeting, boolean implicitTls, SSLContext tls, boolean offerStarttls, boolean refuseStarttls,
                               String injectAfterStarttls, boolean preauth, boolean loginDisabledAfterTls, int messages,
                               Map<String, String> users, List<String> oldTlsOnly, List<String> loginReply, List<String> sasl,
                               boolean saslIr) {
    public MailboxBehaviour {
        loginReply = List.copyOf(loginReply);
        sasl = List.copyOf(sasl);
        users = Map.copyOf(users);
        oldTlsOnly = List.copyOf(oldTlsOnly);
    }

    static final List<String> TLS_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    public static MailboxBehaviour implicit(SSLContext tls, String user, String password) {
        return new MailboxBehaviour(null, true, tls, false, false, null, false, false, 3, Map.of(user, password), List.of(), List.of(), List.of(), false);
    }

    public static MailboxBehaviour starttls(SSLContext tls, String user, String password) {
        return new MailboxBehaviour(null, false, tls, true, false, null, false, false, 3, Map.of(user, password), List.of(), List.of(), List.of(), false);
    }

    public MailboxBehaviour withoutStarttls() {
        return new MailboxBehaviour(greeting, implicitTls, tls, false, refuseStarttls, injectAfterStarttls, preauth, loginDisabledAfterTls, messages, users, oldTlsOnly, loginReply, sasl, saslIr);
    }

    public MailboxBehaviour refusingStarttls() {
        return new MailboxBehaviour(greeting, implicitTls, tls, offerStarttls, true, injectAfterStarttls, preauth, loginDisabledAfterTls, messages, users, oldTlsOnly, loginReply, sasl, saslIr);
    }

    public MailboxBehaviour injecting(String bytes) {
        return new MailboxBehaviour(greeting, implicitTls, tls, offerStarttls, refuseStarttls, bytes, preauth, loginDisabledAfterTls, messages, users, oldTlsOnly, loginReply, sasl, saslIr);
    }

    public MailboxBehaviour preauthenticated() {
        return new MailboxBehaviour(greeting, implicitTls, tls, offerStarttls, refuseStarttls, injectAfterStarttls, true, loginDisabledAfterTls, messages, users, oldTlsOnly, loginReply, sasl, saslIr);
    }

    public MailboxBehaviour withLoginDisabledAfterTls() {
        return new MailboxBehaviour(greeting, implicitTls, tls, offerStarttls, refuseStarttls, injectAfterStarttls, preauth, true, messages, users, oldTlsOnly, loginReply, sasl, saslIr);
    }

    public MailboxBehaviour withGreeting(String text) {
        return new MailboxBehaviour(text, implicitTls, tls, offerStarttls, refuseStarttls, injectAfterStarttls, preauth, loginDisabledAfterTls, messages, users, oldTlsOnly, loginReply, sasl, saslIr);
    }

    /** Speaks only these old versions (TLSv1, TLSv1.1) and hangs up, without an alert, on a hello that offers none of them. */
    public MailboxBehaviour onlyOldTls(String... protocols) {
        return new MailboxBehaviour(greeting, implicitTls, tls, offerStarttls, refuseStarttls, injectAfterStarttls, preauth, loginDisabledAfterTls, messages, users,
                List.of(protocols), loginReply, sasl, saslIr);
    }

    /** Offers these SASL mechanisms after TLS instead of the usual login (see {@code sasl} above). */
    public MailboxBehaviour offeringSasl(String... mechanisms) {
        return new MailboxBehaviour(greeting, implicitTls, tls, offerStarttls, refuseStarttls, injectAfterStarttls, preauth, loginDisabledAfterTls, messages, users,
                oldTlsOnly, loginReply, List.of(mechanisms), saslIr);
    }

    /** IMAP: announces SASL-IR, so the first SASL response may come on the AUTHENTICATE line. */
    public MailboxBehaviour withSaslIr() {
        return new MailboxBehaviour(greeting, implicitTls, tls, offerStarttls, refuseStarttls, injectAfterStarttls, preauth, loginDisabledAfterTls, messages, users,
                oldTlsOnly, loginReply, sasl, true);
    }

    /** Answers every login with these lines (a provider's real refusal, e.g. "NO ..." then "* BYE ..."). */
    public MailboxBehaviour answeringLoginWith(String... lines) {
        return new MailboxBehaviour(greeting, implicitTls, tls, offerStarttls, refuseStarttls, injectAfterStarttls, preauth, loginDisabledAfterTls, messages, users,
                oldTlsOnly, List.of(lines), sasl, saslIr);
    }
}
