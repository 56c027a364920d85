package dev.mailwizard.demo;

import java.io.IOException;
import java.net.Socket;
import java.util.Locale;

/** A small POP3 server (enough for a diagnosis and a Jakarta Mail login) that follows a {@link MailboxBehaviour}. */
public final class ScriptedPop3Server extends ScriptedMailboxServer {
    private ScriptedPop3Server(MailboxBehaviour behaviour) {
        super(behaviour);
        startAccepting();
    }

    public static ScriptedPop3Server start(MailboxBehaviour behaviour) {
        return new ScriptedPop3Server(behaviour);
    }

    @Override
    protected void serve(Socket socket) throws IOException {
        Connection c = new Connection(socket);
        send(c.out, b.greeting() != null ? b.greeting() : "+OK POP3 scripted server ready");
        String user = "";
        String line;
        while ((line = c.in.readLine()) != null) {
            record(line, c.tls);
            String[] parts = line.split(" ", 2);
            String cmd = parts[0].toUpperCase(Locale.ROOT);
            switch (cmd) {
                case "CAPA" -> {
                    send(c.out, "+OK capability list follows");
                    if (!c.tls && b.offerStarttls()) {
                        send(c.out, "STLS");
                    }
                    if (c.tls) {
                        send(c.out, "USER");
                        if (!b.sasl().isEmpty()) {
                            send(c.out, "SASL " + String.join(" ", b.sasl()));
                        }
                    }
                    send(c.out, "UIDL");
                    send(c.out, ".");
                }
                case "STLS" -> {
                    if (c.tls || !b.offerStarttls() || b.refuseStarttls()) {
                        send(c.out, "-ERR STLS not available");
                        continue;
                    }
                    c.upgrade("+OK begin TLS");
                }
                case "USER" -> {
                    user = parts.length > 1 ? parts[1].trim() : "";
                    send(c.out, c.tls ? "+OK" : "-ERR use STLS first");
                }
                case "PASS" -> {
                    countAuthAttempt();
                    String pw = parts.length > 1 ? parts[1] : "";
                    if (!b.loginReply().isEmpty()) {
                        for (String reply : b.loginReply()) {
                            send(c.out, reply);
                        }
                        continue;
                    }
                    send(c.out, c.tls && pw.equals(b.users().get(user)) ? "+OK logged in" : "-ERR [AUTH] Authentication failed.");
                }
                case "AUTH" -> {
                    String[] args = parts.length > 1 ? parts[1].split(" ", 2) : new String[]{""};
                    if (!b.sasl().contains(args[0]) || !TokenResponse.isTokenMechanism(args[0])) {
                        send(c.out, "-ERR [AUTH] unsupported mechanism");
                        continue;
                    }
                    countAuthAttempt();
                    tokenLogin(c, args[0], args.length > 1 ? args[1] : prompt(c, "+ "));
                }
                case "STAT" -> send(c.out, "+OK " + b.messages() + " " + (b.messages() * 100));
                case "QUIT" -> {
                    send(c.out, "+OK bye");
                    return;
                }
                default -> send(c.out, "+OK");
            }
        }
    }

    /** Sends a continuation and returns (and records) the client's answer; "" when it hung up. */
    private String prompt(Connection c, String continuation) throws IOException {
        send(c.out, continuation);
        String answer = c.in.readLine();
        record(answer, c.tls);
        return answer == null ? "" : answer;
    }

    /** As {@link ScriptedImapServer}: the user's entry is the token; another gets an error challenge, then -ERR. */
    private void tokenLogin(Connection c, String mechanism, String response) throws IOException {
        TokenResponse r = TokenResponse.parse(mechanism, response);
        if (!b.loginReply().isEmpty()) {
            for (String reply : b.loginReply()) {
                send(c.out, reply);
            }
        } else if (c.tls && r.token() != null && r.token().equals(b.users().get(r.user()))) {
            send(c.out, "+OK logged in");
        } else {
            prompt(c, "+ " + TokenResponse.ERROR_CHALLENGE);
            send(c.out, "-ERR [AUTH] Invalid credentials");
        }
    }
}
