package dev.mailwizard.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** A small IMAP server (enough for a diagnosis and a Jakarta Mail login) that follows a {@link MailboxBehaviour}. */
public final class ScriptedImapServer extends ScriptedServer {
    private final MailboxBehaviour b;

    private ScriptedImapServer(MailboxBehaviour behaviour) {
        this.b = behaviour;
        startAccepting();
    }

    public static ScriptedImapServer start(MailboxBehaviour behaviour) {
        return new ScriptedImapServer(behaviour);
    }

    @Override
    protected void serve(Socket socket) throws IOException {
        Socket s = b.implicitTls() ? wrap(socket, b.tls(), MailboxBehaviour.TLS_PROTOCOLS) : socket;
        boolean tls = b.implicitTls();
        BufferedReader in = reader(s);
        OutputStream out = s.getOutputStream();
        send(out, b.greeting() != null ? b.greeting() : b.preauth() ? "* PREAUTH already logged in" : "* OK IMAP4rev1 scripted server ready");
        String line;
        while ((line = in.readLine()) != null) {
            record(line, tls);
            String[] parts = line.split(" ", 3);
            String tag = parts[0];
            String cmd = parts.length > 1 ? parts[1].toUpperCase(Locale.ROOT) : "";
            switch (cmd) {
                case "CAPABILITY" -> {
                    send(out, "* CAPABILITY " + String.join(" ", caps(tls)));
                    send(out, tag + " OK CAPABILITY completed");
                }
                case "STARTTLS" -> {
                    if (tls || !b.offerStarttls() || b.refuseStarttls()) {
                        send(out, tag + " BAD STARTTLS not available");
                        continue;
                    }
                    out.write((tag + " OK Begin TLS negotiation now\r\n" + (b.injectAfterStarttls() == null ? "" : b.injectAfterStarttls()))
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    s = wrap(s, b.tls(), MailboxBehaviour.TLS_PROTOCOLS);
                    tls = true;
                    in = reader(s);
                    out = s.getOutputStream();
                }
                case "LOGIN" -> {
                    countAuthAttempt();
                    String[] cred = parts.length > 2 ? parts[2].split(" ", 2) : new String[]{"", ""};
                    login(out, tag, unquote(cred[0]), cred.length > 1 ? unquote(cred[1]) : "");
                }
                case "AUTHENTICATE" -> {
                    countAuthAttempt();
                    send(out, "+ ");
                    String answer = in.readLine();
                    record(answer, tls);
                    String[] f = new String(Base64.getDecoder().decode(answer == null ? "" : answer.trim()), StandardCharsets.UTF_8).split("\0", -1);
                    login(out, tag, f.length > 1 ? f[1] : "", f.length > 2 ? f[2] : "");
                }
                case "SELECT", "EXAMINE" -> {
                    send(out, "* " + b.messages() + " EXISTS");
                    send(out, "* 0 RECENT");
                    send(out, "* OK [UIDVALIDITY 1] ok");
                    send(out, "* FLAGS (\\Seen)");
                    send(out, tag + " OK [READ-ONLY] done");
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

    private List<String> caps(boolean tls) {
        List<String> caps = new ArrayList<>(List.of("IMAP4rev1"));
        if (!tls) {
            if (b.offerStarttls()) {
                caps.add("STARTTLS");
            }
            caps.add("LOGINDISABLED");
        } else if (b.loginDisabledAfterTls()) {
            caps.add("LOGINDISABLED");
        } else {
            caps.add("AUTH=PLAIN");
        }
        return caps;
    }

    private void login(OutputStream out, String tag, String user, String password) throws IOException {
        send(out, password.equals(b.users().get(user)) ? tag + " OK logged in" : tag + " NO [AUTHENTICATIONFAILED] Authentication failed.");
    }

    private static String unquote(String s) {
        String t = s.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

}
