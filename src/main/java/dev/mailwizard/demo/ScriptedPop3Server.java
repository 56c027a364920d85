package dev.mailwizard.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A small POP3 server (enough for a diagnosis and a Jakarta Mail login) that follows a {@link MailboxBehaviour}. */
public final class ScriptedPop3Server extends ScriptedServer {
    private final MailboxBehaviour b;

    private ScriptedPop3Server(MailboxBehaviour behaviour) {
        this.b = behaviour;
        startAccepting();
    }

    public static ScriptedPop3Server start(MailboxBehaviour behaviour) {
        return new ScriptedPop3Server(behaviour);
    }

    @Override
    protected void serve(Socket socket) throws IOException {
        Socket s = b.implicitTls() ? wrap(socket, b.tls(), MailboxBehaviour.TLS_PROTOCOLS) : socket;
        boolean tls = b.implicitTls();
        BufferedReader in = reader(s);
        OutputStream out = s.getOutputStream();
        send(out, b.greeting() != null ? b.greeting() : "+OK POP3 scripted server ready");
        String user = "";
        String line;
        while ((line = in.readLine()) != null) {
            record(line, tls);
            String[] parts = line.split(" ", 2);
            String cmd = parts[0].toUpperCase(Locale.ROOT);
            switch (cmd) {
                case "CAPA" -> {
                    send(out, "+OK capability list follows");
                    if (!tls && b.offerStarttls()) {
                        send(out, "STLS");
                    }
                    if (tls) {
                        send(out, "USER");
                    }
                    send(out, "UIDL");
                    send(out, ".");
                }
                case "STLS" -> {
                    if (tls || !b.offerStarttls() || b.refuseStarttls()) {
                        send(out, "-ERR STLS not available");
                        continue;
                    }
                    out.write(("+OK begin TLS\r\n" + (b.injectAfterStarttls() == null ? "" : b.injectAfterStarttls())).getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    s = wrap(s, b.tls(), MailboxBehaviour.TLS_PROTOCOLS);
                    tls = true;
                    in = reader(s);
                    out = s.getOutputStream();
                }
                case "USER" -> {
                    user = parts.length > 1 ? parts[1].trim() : "";
                    send(out, tls ? "+OK" : "-ERR use STLS first");
                }
                case "PASS" -> {
                    countAuthAttempt();
                    String pw = parts.length > 1 ? parts[1] : "";
                    send(out, tls && pw.equals(b.users().get(user)) ? "+OK logged in" : "-ERR [AUTH] Authentication failed.");
                }
                case "STAT" -> send(out, "+OK " + b.messages() + " " + (b.messages() * 100));
                case "QUIT" -> {
                    send(out, "+OK bye");
                    return;
                }
                default -> send(out, "+OK");
            }
        }
    }

}
