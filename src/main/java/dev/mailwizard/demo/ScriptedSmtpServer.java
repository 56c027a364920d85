package dev.mailwizard.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small SMTP server on loopback that follows a {@link ServerBehaviour}: good, broken or hostile.
 * It records every line it receives, and whether TLS protected it, so tests can check what a
 * client really sent (for example, that no AUTH ever crossed a plain connection).
 */
public final class ScriptedSmtpServer extends ScriptedServer {
    private final ServerBehaviour behaviour;
    private final List<String> messages = new CopyOnWriteArrayList<>();

    private ScriptedSmtpServer(ServerBehaviour behaviour) {
        this.behaviour = behaviour;
        startAccepting();
    }

    /** Starts a server on a free loopback port. */
    public static ScriptedSmtpServer start(ServerBehaviour behaviour) {
        return new ScriptedSmtpServer(behaviour);
    }

    /** The DATA of each accepted message. */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    protected void serve(Socket socket) throws IOException {
        if (behaviour.resetOnConnect()) {
            socket.setSoLinger(true, 0);
            return;
        }
        if (behaviour.silent()) {
            idle(socket);
            return;
        }
        Socket s = socket;
        boolean tls = false;
        if (behaviour.implicitTls()) {
            if (behaviour.stallHandshake()) {
                idle(socket);
                return;
            }
            s = startTls(socket);
            if (s == null) {
                return;
            }
            tls = true;
        }
        new Session(s, tls).run();
    }

    /** The server side of the handshake as the behaviour says; null when the server hung up instead. */
    private Socket startTls(Socket plain) throws IOException {
        if (behaviour.helloAlert() != 0) {
            alertOnHello(plain, behaviour.helloAlert());
            return null;
        }
        return behaviour.hangUpOnNewerTls() ? wrapLikeOldServer(plain, behaviour.tls(), behaviour.tlsProtocols())
                : wrap(plain, behaviour.tls(), behaviour.tlsProtocols());
    }

    private final class Session {
        private Socket socket;
        private boolean tls;
        private BufferedReader in;
        private OutputStream out;

        Session(Socket socket, boolean tls) throws IOException {
            use(socket, tls);
        }

        private void use(Socket s, boolean overTls) throws IOException {
            socket = s;
            tls = overTls;
            in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            out = s.getOutputStream();
        }

        void run() throws IOException {
            greet();
            String line;
            while ((line = in.readLine()) != null) {
                record(line, tls);
                String upper = line.toUpperCase(java.util.Locale.ROOT);
                String verb = upper.split(" ", 2)[0];
                switch (verb) {
                    case "EHLO" -> ehlo();
                    case "HELO" -> send("250 mail.demo.test");
                    case "STARTTLS" -> {
                        if (!starttls()) {
                            return;
                        }
                    }
                    case "AUTH" -> auth(line);
                    case "MAIL", "RCPT", "RSET", "NOOP" -> send("250 2.1.0 Ok");
                    case "DATA" -> data();
                    case "QUIT" -> {
                        send("221 2.0.0 Bye");
                        return;
                    }
                    default -> send("502 5.5.2 Error: command not recognized");
                }
            }
        }

        private void greet() throws IOException {
            if (behaviour.dripMillis() > 0) {
                for (byte b : (behaviour.greeting() + "\r\n").getBytes(StandardCharsets.US_ASCII)) {
                    out.write(b);
                    out.flush();
                    sleep(behaviour.dripMillis());
                }
                return;
            }
            send(behaviour.greeting());
        }

        private void ehlo() throws IOException {
            if (tls && behaviour.refuseEhloAfterTls()) {
                send("554 5.7.0 EHLO refused");
                return;
            }
            List<String> caps = new ArrayList<>(List.of("mail.demo.test", "PIPELINING", "SIZE 10240000", "8BITMIME"));
            if (!tls && behaviour.offerStarttls()) {
                caps.add("STARTTLS");
            }
            List<String> auth = tls ? behaviour.authAfterTls() : behaviour.authBeforeTls();
            if (!auth.isEmpty()) {
                caps.add("AUTH " + String.join(" ", auth));
            }
            for (int i = 0; i < caps.size(); i++) {
                send("250" + (i == caps.size() - 1 ? " " : "-") + caps.get(i));
            }
        }

        private boolean starttls() throws IOException {
            if (tls || !behaviour.offerStarttls() || behaviour.tls() == null) {
                send(behaviour.starttlsReply().startsWith("220") ? "502 5.5.1 STARTTLS not available" : behaviour.starttlsReply());
                return true;
            }
            if (!behaviour.starttlsReply().startsWith("220")) {
                send(behaviour.starttlsReply());
                return true;
            }
            String reply = behaviour.starttlsReply() + "\r\n" + (behaviour.injectAfterStarttls() == null ? "" : behaviour.injectAfterStarttls());
            out.write(reply.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (behaviour.stallHandshake()) {
                idle(socket);
                return false;
            }
            Socket upgraded = startTls(socket);
            if (upgraded == null) {
                return false;
            }
            use(upgraded, true);
            return true;
        }

        private void auth(String line) throws IOException {
            List<String> offered = tls ? behaviour.authAfterTls() : behaviour.authBeforeTls();
            String[] parts = line.split(" ");
            String mech = parts.length > 1 ? parts[1].toUpperCase(java.util.Locale.ROOT) : "";
            if (!offered.contains(mech)) {
                send("504 5.5.4 Unrecognized authentication type");
                return;
            }
            countAuthAttempt();
            if (TokenResponse.isTokenMechanism(mech)) {
                tokenAuth(mech, parts.length > 2 ? parts[2] : prompt(""));
                return;
            }
            String user;
            String password;
            if (mech.equals("PLAIN")) {
                String payload = parts.length > 2 ? parts[2] : prompt("");
                String[] fields = new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8).split("\0", -1);
                user = fields.length > 1 ? fields[1] : "";
                password = fields.length > 2 ? fields[2] : "";
            } else {
                user = decode(parts.length > 2 ? parts[2] : prompt("VXNlcm5hbWU6"));
                password = decode(prompt("UGFzc3dvcmQ6"));
            }
            if (!behaviour.authReply().isEmpty()) {
                for (String reply : behaviour.authReply()) {
                    send(reply);
                }
            } else if (password.equals(behaviour.users().get(user))) {
                send("235 2.7.0 Authentication successful");
            } else {
                send("535 5.7.8 Error: authentication failed");
            }
        }

        /**
         * XOAUTH2 / OAUTHBEARER: the user's entry in {@code users} is the token it must carry. Another
         * token gets Gmail's answer: an error challenge, then, after the client's reply to it, 535.
         */
        private void tokenAuth(String mech, String response) throws IOException {
            TokenResponse r = TokenResponse.parse(mech, response);
            if (!behaviour.authReply().isEmpty()) {
                for (String reply : behaviour.authReply()) {
                    send(reply);
                }
            } else if (r.token() != null && r.token().equals(behaviour.users().get(r.user()))) {
                send("235 2.7.0 Accepted");
            } else {
                prompt(TokenResponse.ERROR_CHALLENGE);
                send("535-5.7.8 Username and Password not accepted. Learn more at");
                send("535 5.7.8 https://support.google.com/mail/answer/14257 ... - gsmtp");
            }
        }

        private String prompt(String challenge) throws IOException {
            send("334 " + challenge);
            String answer = in.readLine();
            record(answer, tls);
            return answer == null ? "" : answer;
        }

        private void data() throws IOException {
            send("354 End data with <CR><LF>.<CR><LF>");
            StringBuilder message = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null && !line.equals(".")) {
                message.append(line).append('\n');
            }
            messages.add(message.toString());
            send("250 2.0.0 Ok: queued as DEMO" + messages.size());
        }

        private void send(String line) throws IOException {
            ScriptedServer.send(out, line);
        }
    }

    private static String decode(String b64) {
        try {
            return new String(Base64.getDecoder().decode(b64.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
