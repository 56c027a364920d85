package dev.mailwizard.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * What the IMAP and POP3 fakes share: a {@link MailboxBehaviour}, the implicit-TLS start, and the
 * STARTTLS/STLS upgrade (with the behaviour's injected bytes between the OK and the handshake).
 */
abstract class ScriptedMailboxServer extends ScriptedServer {
    protected final MailboxBehaviour b;

    ScriptedMailboxServer(MailboxBehaviour behaviour) {
        this.b = behaviour;
    }

    /** One client connection; {@link #upgrade} swaps its streams for TLS ones. */
    final class Connection {
        private Socket socket;
        boolean tls;
        BufferedReader in;
        OutputStream out;

        Connection(Socket plain) throws IOException {
            tls = b.implicitTls();
            socket = tls ? wrap(plain, b.tls(), MailboxBehaviour.TLS_PROTOCOLS) : plain;
            in = reader(socket);
            out = socket.getOutputStream();
        }

        /** Sends {@code okReply} (and any injected bytes), then starts TLS as the server. */
        void upgrade(String okReply) throws IOException {
            out.write((okReply + "\r\n" + (b.injectAfterStarttls() == null ? "" : b.injectAfterStarttls())).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket = wrap(socket, b.tls(), MailboxBehaviour.TLS_PROTOCOLS);
            tls = true;
            in = reader(socket);
            out = socket.getOutputStream();
        }
    }
}
