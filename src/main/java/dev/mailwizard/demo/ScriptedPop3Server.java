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
                case "STAT" -> send(c.out, "+OK " + b.messages() + " " + (b.messages() * 100));
                case "QUIT" -> {
                    send(c.out, "+OK bye");
                    return;
                }
                default -> send(c.out, "+OK");
            }
        }
    }

}
