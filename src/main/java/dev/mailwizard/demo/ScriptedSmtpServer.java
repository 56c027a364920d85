package dev.mailwizard.demo;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A small SMTP server on loopback that follows a {@link ServerBehaviour}: good, broken or hostile.
 * It records every line it receives, and whether TLS protected it, so tests can check what a
 * client really sent (for example, that no AUTH ever crossed a plain connection).
 */
public final class ScriptedSmtpServer implements Closeable {
    /** A line the server received. */
    public record Received(String line, boolean overTls) {
    }

    private final ServerBehaviour behaviour;
    private final ServerSocket listener;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scripted-smtp");
        t.setDaemon(true);
        return t;
    });
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger authAttempts = new AtomicInteger();
    private volatile boolean closed;

    private ScriptedSmtpServer(ServerBehaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        workers.execute(this::acceptLoop);
    }

    /** Starts a server on a free loopback port. */
    public static ScriptedSmtpServer start(ServerBehaviour behaviour) {
        try {
            return new ScriptedSmtpServer(behaviour);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a loopback port for the scripted server", e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Lines received without TLS. */
    public List<String> receivedInClear() {
        return received.stream().filter(r -> !r.overTls()).map(Received::line).toList();
    }

    public int authAttempts() {
        return authAttempts.get();
    }

    public int connections() {
        return connections.get();
    }

    /** The DATA of each accepted message. */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = listener.accept();
                connections.incrementAndGet();
                sockets.add(s);
                workers.execute(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
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
                s = wrap(socket);
                tls = true;
            }
            new Session(s, tls).run();
        } catch (IOException | RuntimeException e) {
            // the client went away or the handshake failed: both are normal for a test server
        }
    }

    private void idle(Socket socket) {
        try {
            socket.getInputStream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // closed
        }
    }

    private SSLSocket wrap(Socket plain) throws IOException {
        SSLSocket s = (SSLSocket) behaviour.tls().getSocketFactory().createSocket(plain, null, plain.getPort(), true);
        s.setUseClientMode(false);
        SSLParameters p = s.getSSLParameters();
        p.setProtocols(behaviour.tlsProtocols().toArray(String[]::new));
        s.setSSLParameters(p);
        sockets.add(s);
        s.startHandshake();
        return s;
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
                received.add(new Received(line, tls));
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
            use(wrap(socket), true);
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
            authAttempts.incrementAndGet();
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
            if (password.equals(behaviour.users().get(user))) {
                send("235 2.7.0 Authentication successful");
            } else {
                send("535 5.7.8 Error: authentication failed");
            }
        }

        private String prompt(String challenge) throws IOException {
            send("334 " + challenge);
            String answer = in.readLine();
            received.add(new Received(answer == null ? "" : answer, tls));
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
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
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

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        workers.shutdownNow();
        try {
            workers.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
