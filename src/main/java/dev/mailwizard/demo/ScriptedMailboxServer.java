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

    /** The server side of the handshake; an old-TLS-only server that hung up ends the connection. */
    private Socket startTls(Socket plain) throws IOException {
        if (b.oldTlsOnly().isEmpty()) {
            return wrap(plain, b.tls(), MailboxBehaviour.TLS_PROTOCOLS);
        }
        Socket s = wrapLikeOldServer(plain, b.tls(), b.oldTlsOnly());
        if (s == null) {
            throw new java.io.EOFException("hung up on a ClientHello without an old TLS version");
        }
        return s;
    }

    /** One client connection; {@link #upgrade} swaps its streams for TLS ones. */
    final class Connection {
        private Socket socket;
        boolean tls;
        BufferedReader in;
        OutputStream out;

        Connection(Socket plain) throws IOException {
            tls = b.implicitTls();
            socket = tls ? startTls(plain) : plain;
            in = reader(socket);
            out = socket.getOutputStream();
        }

        /** Sends {@code okReply} (and any injected bytes), then starts TLS as the server. */
        void upgrade(String okReply) throws IOException {
            out.write((okReply + "\r\n" + (b.injectAfterStarttls() == null ? "" : b.injectAfterStarttls())).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket = startTls(socket);
            tls = true;
            in = reader(socket);
            out = socket.getOutputStream();
        }
    }
}
