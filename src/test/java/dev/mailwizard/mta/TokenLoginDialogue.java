package dev.mailwizard.mta;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Just enough IMAP, POP3 or SMTP to send one bearer-token login (XOAUTH2 or OAUTHBEARER) by hand
 * and keep every line the server answered from the AUTH command on, verbatim, challenges included:
 * what Jakarta Mail and curl do not show. TLS verifies the server's name against the test CA.
 */
final class TokenLoginDialogue implements AutoCloseable {
    enum Service {
        IMAPS(993), POP3S(995), SMTPS(465), SUBMISSION_STARTTLS(587);

        final int port;

        Service(int port) {
            this.port = port;
        }

        boolean smtp() {
            return this == SMTPS || this == SUBMISSION_STARTTLS;
        }
    }

    private final Service service;
    private Socket socket;
    private BufferedReader in;
    private OutputStream out;
    private boolean closedByServer;

    private TokenLoginDialogue(Service service, Socket socket) throws IOException {
        this.service = service;
        use(socket);
    }

    /** Connects to 127.0.0.1 on the service's port, speaking TLS as {@code host}, up to the point where AUTH may be sent. */
    static TokenLoginDialogue open(Service service, String host, SSLContext tls) throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress("127.0.0.1", service.port), 10_000);
        // Dovecot delays a failed login from one address more and more (up to 15 s).
        plain.setSoTimeout(30_000);
        TokenLoginDialogue d = new TokenLoginDialogue(service, plain);
        if (service == Service.SUBMISSION_STARTTLS) {
            d.expect("220");
            d.send("EHLO client.mailwizard.test");
            d.expect("250");
            d.send("STARTTLS");
            d.expect("220");
        }
        SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, service.port, true);
        SSLParameters params = secure.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        secure.setSSLParameters(params);
        secure.startHandshake();
        d.use(secure);
        switch (service) {
            case IMAPS -> d.expect("* OK");
            case POP3S -> d.expect("+OK");
            case SMTPS -> {
                d.expect("220");
                d.send("EHLO client.mailwizard.test");
                d.expect("250");
            }
            case SUBMISSION_STARTTLS -> {
                d.send("EHLO client.mailwizard.test");
                d.expect("250");
            }
        }
        return d;
    }

    /**
     * Sends the AUTH (IMAP: AUTHENTICATE) command with the initial response on the command line
     * ({@code inline}) or after the server's empty challenge, answers an error challenge the way
     * each mechanism ends a failed exchange, and returns every line from the command's first
     * answer to its final reply.
     */
    List<String> authenticate(String mechanism, String initialResponse, boolean inline) throws IOException {
        String command = (service == Service.IMAPS ? "a AUTHENTICATE " : "AUTH ") + mechanism;
        send(inline ? command + " " + initialResponse : command);
        boolean responseSent = inline;
        List<String> lines = new ArrayList<>();
        while (true) {
            List<String> reply = reply();
            lines.addAll(reply);
            if (!isChallenge(reply.get(reply.size() - 1))) {
                return lines;
            }
            if (responseSent) {
                // RFC 7628 3.2.3: OAUTHBEARER answers the error challenge with %x01; XOAUTH2 with nothing.
                send(mechanism.equals("OAUTHBEARER") ? "AQ==" : "");
            } else {
                send(initialResponse);
                responseSent = true;
            }
        }
    }

    /**
     * Dovecot delays the next login from an address after each failure (2 s, doubling, up to 15 s),
     * and Postfix gives up on its SASL answer after about 10 s with "454 4.7.0 Temporary
     * authentication failure". A successful login resets the delay: tests that fail logins on
     * purpose end with this one (IMAPS, XOAUTH2, a good token).
     */
    static void clearDovecotsAuthPenalty(String host, SSLContext tls, String user, String goodToken) throws IOException {
        try (TokenLoginDialogue d = open(Service.IMAPS, host, tls)) {
            List<String> answer = d.authenticate("XOAUTH2", xoauth2(user, goodToken), true);
            if (!answer.get(answer.size() - 1).startsWith("a OK")) {
                throw new IOException("the good token was refused: " + String.join(" / ", answer));
            }
        }
    }

    /** Google's XOAUTH2 initial response, Base64. */
    static String xoauth2(String user, String token) {
        return base64("user=" + user + "\u0001auth=Bearer " + token + "\u0001\u0001");
    }

    /** RFC 7628 OAUTHBEARER initial response (GS2 header with the user, host, port, bearer token), Base64. */
    static String oauthBearer(String user, String host, int port, String token) {
        return base64("n,a=" + user + ",\u0001host=" + host + "\u0001port=" + port + "\u0001auth=Bearer " + token + "\u0001\u0001");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private boolean isChallenge(String line) {
        return service.smtp() ? line.startsWith("334") : line.equals("+") || line.startsWith("+ ");
    }

    /** One answer to an AUTH step: SMTP's lines up to the last of a multi-line reply; IMAP's up to the tagged line or a challenge; POP3's one line. */
    private List<String> reply() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = in.readLine();
            if (line == null) {
                closedByServer = true;
                lines.add("(connection closed by the server)");
                return lines;
            }
            lines.add(line);
            boolean last = switch (service) {
                case IMAPS -> line.startsWith("a ") || isChallenge(line);
                case POP3S -> true;
                case SMTPS, SUBMISSION_STARTTLS -> line.length() < 4 || line.charAt(3) == ' ';
            };
            if (last) {
                return lines;
            }
        }
    }

    /** Reads a greeting or a reply outside AUTH: SMTP's multi-line reply, IMAP's or POP3's one line. */
    private void expect(String start) throws IOException {
        List<String> reply = service.smtp() ? reply() : List.of(String.valueOf(in.readLine()));
        String last = reply.get(reply.size() - 1);
        if (!last.startsWith(start)) {
            throw new IOException("expected " + start + " from " + service + ", got: " + String.join(" / ", reply));
        }
    }

    private void send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private void use(Socket s) throws IOException {
        socket = s;
        in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        out = s.getOutputStream();
    }

    /** Says goodbye (the server logs a logout, not an aborted login) and closes. */
    @Override
    public void close() throws IOException {
        try (Socket s = socket) {
            if (!closedByServer) {
                send(service == Service.IMAPS ? "z LOGOUT" : "QUIT");
            }
        }
    }
}
