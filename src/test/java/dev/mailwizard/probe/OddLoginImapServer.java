package dev.mailwizard.probe;

import dev.mailwizard.demo.ScriptedServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An implicit-TLS IMAP server that answers the login out of sequence, as in the NO STARTTLS client
 * test cases: either it takes the credentials and then says BYE instead of a tagged answer, or it
 * refuses the AUTHENTICATE command before any credential is sent.
 */
final class OddLoginImapServer extends ScriptedServer {
    enum Answer {
        /** LOGIN (no AUTH= offered): read the credentials, then "* BYE" and hang up. */
        BYE_AFTER_LOGIN,
        /** AUTHENTICATE PLAIN: read the credentials after "+", then "* BYE" and hang up. */
        BYE_AFTER_AUTHENTICATE,
        /** AUTHENTICATE PLAIN: refuse the command itself; no credential is ever asked for. */
        REFUSE_AUTHENTICATE
    }

    private final SSLContext tls;
    private final Answer answer;

    OddLoginImapServer(SSLContext tls, Answer answer) {
        this.tls = tls;
        this.answer = answer;
        startAccepting();
    }

    @Override
    protected void serve(Socket socket) throws IOException {
        SSLSocket s = wrap(socket, tls, List.of("TLSv1.3", "TLSv1.2"));
        BufferedReader in = reader(s);
        OutputStream out = s.getOutputStream();
        send(out, "* OK IMAP4rev1 odd server ready");
        String line;
        while ((line = in.readLine()) != null) {
            record(line, true);
            String[] parts = line.split(" ", 3);
            String tag = parts[0];
            String command = parts.length > 1 ? parts[1].toUpperCase(Locale.ROOT) : "";
            switch (command) {
                case "CAPABILITY" -> {
                    send(out, "* CAPABILITY IMAP4rev1" + (answer == Answer.BYE_AFTER_LOGIN ? "" : " AUTH=PLAIN"));
                    send(out, tag + " OK CAPABILITY completed");
                }
                case "LOGIN" -> {
                    countAuthAttempt();
                    send(out, "* BYE unexpected: the server is going away");
                    return;
                }
                case "AUTHENTICATE" -> {
                    countAuthAttempt();
                    if (answer == Answer.REFUSE_AUTHENTICATE) {
                        send(out, tag + " NO [AUTHENTICATIONFAILED] mechanism not available");
                        continue;
                    }
                    send(out, "+ ");
                    record(in.readLine(), true);
                    send(out, "* BYE unexpected: the server is going away");
                    return;
                }
                case "LOGOUT" -> {
                    send(out, "* BYE bye");
                    send(out, tag + " OK LOGOUT completed");
                    return;
                }
                default -> send(out, tag + " OK done");
            }
        }
    }
}
