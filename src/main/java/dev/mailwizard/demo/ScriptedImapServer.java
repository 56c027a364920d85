package dev.mailwizard.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** A small IMAP server (enough for a diagnosis and a Jakarta Mail login) that follows a {@link MailboxBehaviour}. */
public final class ScriptedImapServer extends ScriptedMailboxServer {
    private ScriptedImapServer(MailboxBehaviour behaviour) {
        super(behaviour);
        startAccepting();
    }

    public static ScriptedImapServer start(MailboxBehaviour behaviour) {
        return new ScriptedImapServer(behaviour);
    }

    @Override
    protected void serve(Socket socket) throws IOException {
        Connection c = new Connection(socket);
        send(c.out, b.greeting() != null ? b.greeting() : b.preauth() ? "* PREAUTH already logged in" : "* OK IMAP4rev1 scripted server ready");
        String line;
        while ((line = c.in.readLine()) != null) {
            record(line, c.tls);
            String[] parts = line.split(" ", 3);
            String tag = parts[0];
            String cmd = parts.length > 1 ? parts[1].toUpperCase(Locale.ROOT) : "";
            switch (cmd) {
                case "CAPABILITY" -> {
                    send(c.out, "* CAPABILITY " + String.join(" ", caps(c.tls)));
                    send(c.out, tag + " OK CAPABILITY completed");
                }
                case "STARTTLS" -> {
                    if (c.tls || !b.offerStarttls() || b.refuseStarttls()) {
                        send(c.out, tag + " BAD STARTTLS not available");
                        continue;
                    }
                    c.upgrade(tag + " OK Begin TLS negotiation now");
                }
                case "LOGIN" -> {
                    countAuthAttempt();
                    String[] cred = parts.length > 2 ? parts[2].split(" ", 2) : new String[]{"", ""};
                    String password = cred.length > 1 ? unquote(cred[1]) : "";
                    if (password.matches("\\{\\d+}")) { // a literal (RFC 3501 4.3): the client waits for "+"
                        password = prompt(c, "+ Ready for literal data");
                    }
                    login(c.out, tag, unquote(cred[0]), password);
                }
                case "AUTHENTICATE" -> {
                    countAuthAttempt();
                    String[] args = parts.length > 2 ? parts[2].split(" ", 2) : new String[]{""};
                    if (TokenResponse.isTokenMechanism(args[0])) {
                        tokenLogin(c, tag, args[0], args.length > 1 ? args[1] : prompt(c, "+ "));
                        continue;
                    }
                    String answer = prompt(c, "+ ");
                    String[] f = new String(Base64.getDecoder().decode(answer.trim()), StandardCharsets.UTF_8).split("\0", -1);
                    login(c.out, tag, f.length > 1 ? f[1] : "", f.length > 2 ? f[2] : "");
                }
                case "SELECT", "EXAMINE" -> {
                    send(c.out, "* " + b.messages() + " EXISTS");
                    send(c.out, "* 0 RECENT");
                    send(c.out, "* OK [UIDVALIDITY 1] ok");
                    send(c.out, "* FLAGS (\\Seen)");
                    send(c.out, tag + " OK [READ-ONLY] done");
                }
                case "LOGOUT" -> {
                    send(c.out, "* BYE bye");
                    send(c.out, tag + " OK LOGOUT completed");
                    return;
                }
                default -> send(c.out, tag + " OK done");
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
        } else if (b.sasl().isEmpty()) {
            caps.add("AUTH=PLAIN");
        } else {
            b.sasl().forEach(m -> caps.add("AUTH=" + m));
        }
        if (tls && b.saslIr()) {
            caps.add("SASL-IR");
        }
        return caps;
    }

    /** Sends a continuation and returns (and records) the client's answer; "" when it hung up. */
    private String prompt(Connection c, String continuation) throws IOException {
        send(c.out, continuation);
        String answer = c.in.readLine();
        record(answer, c.tls);
        return answer == null ? "" : answer;
    }

    /**
     * XOAUTH2 / OAUTHBEARER: the user's entry in {@code users} is the token it must carry; another
     * token gets Gmail's answer, an error challenge and, after the client's reply to it, NO.
     */
    private void tokenLogin(Connection c, String tag, String mechanism, String response) throws IOException {
        TokenResponse r = TokenResponse.parse(mechanism, response);
        if (!b.loginReply().isEmpty()) {
            login(c.out, tag, "", "");
        } else if (r.token() != null && r.token().equals(b.users().get(r.user()))) {
            send(c.out, tag + " OK AUTHENTICATE completed");
        } else {
            prompt(c, "+ " + TokenResponse.ERROR_CHALLENGE);
            send(c.out, tag + " NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)");
        }
    }

    private void login(OutputStream out, String tag, String user, String password) throws IOException {
        if (!b.loginReply().isEmpty()) {
            for (String reply : b.loginReply()) {
                send(out, reply.startsWith("*") ? reply : tag + " " + reply);
            }
            return;
        }
        send(out, password.equals(b.users().get(user)) ? tag + " OK logged in" : tag + " NO [AUTHENTICATIONFAILED] Authentication failed.");
    }

    private static String unquote(String s) {
        String t = s.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

}
