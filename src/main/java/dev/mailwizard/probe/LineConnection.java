package dev.mailwizard.probe;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import dev.mailwizard.model.HostNames;

/**
 * A line-oriented connection with a deadline: every read is bounded by the time left, lines are
 * length-limited, and the TLS upgrade throws away anything the server sent before the handshake
 * (RFC 3207 §4.2, our rule 3).
 */
final class LineConnection implements Closeable {
    static final List<String> TLS_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    private static final int MAX_LINE = 4096;

    private final TappedSocket raw;
    private final Deadline deadline;
    private final Transcript transcript;
    private final SocketGuard guard;
    private Socket current;
    private InputStream in;
    private OutputStream out;
    private final byte[] buf = new byte[8192];
    private final byte[] line = new byte[MAX_LINE];
    private int pos;
    private int lim;

    private LineConnection(TappedSocket raw, Deadline deadline, Transcript transcript, SocketGuard guard) throws IOException {
        this.raw = raw;
        this.deadline = deadline;
        this.transcript = transcript;
        this.guard = guard;
        use(raw);
    }

    static LineConnection connect(InetSocketAddress address, Deadline deadline, Transcript transcript, SocketGuard guard) throws IOException {
        TappedSocket socket = new TappedSocket();
        guard.add(socket);
        socket.setTcpNoDelay(true);
        socket.connect(address, deadline.remainingMillis());
        return new LineConnection(socket, deadline, transcript, guard);
    }

    private void use(Socket s) throws IOException {
        current = s;
        in = s.getInputStream();
        out = s.getOutputStream();
        pos = 0;
        lim = 0;
    }

    /** Bytes the server sent that we have read from the socket but not consumed yet. */
    int unreadBytes() throws IOException {
        return (lim - pos) + Math.max(0, in.available());
    }

    /**
     * Reads one line (without CRLF), decoded as UTF-8; null when the server closed the connection.
     * Bytes that are not UTF-8 become U+FFFD. The protocols' own words are ASCII, so parsing is
     * unchanged; greetings and replies in other scripts read as the server meant them.
     */
    String readLine() throws IOException {
        int len = 0;
        while (true) {
            if (pos == lim && !fill()) {
                return len == 0 ? null : decode(len);
            }
            byte b = buf[pos++];
            if (b == '\n') {
                return decode(len > 0 && line[len - 1] == '\r' ? len - 1 : len);
            }
            if (len >= MAX_LINE) {
                throw new LineTooLongException();
            }
            line[len++] = b;
        }
    }

    private String decode(int len) {
        // new String replaces malformed input with U+FFFD (CodingErrorAction.REPLACE), never throws.
        return new String(line, 0, len, StandardCharsets.UTF_8);
    }

    private boolean fill() throws IOException {
        if (deadline.expired()) {
            throw new SocketTimeoutException("deadline passed");
        }
        current.setSoTimeout(deadline.remainingMillis());
        int n = in.read(buf, 0, buf.length);
        if (n < 0) {
            return false;
        }
        pos = 0;
        lim = n;
        return true;
    }

    void writeLine(String line) throws IOException {
        transcript.client(line);
        writeRaw(line);
    }

    /** Writes a line that must not appear as is in the transcript. */
    void writeLineRedacted(String line, String shown) throws IOException {
        transcript.client(shown);
        writeRaw(line);
    }

    private void writeRaw(String line) throws IOException {
        if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("line breaks inside a command");
        }
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Starts TLS on this connection (implicit TLS at once, or after STARTTLS). */
    SSLSocket startTls(SSLSocketFactory factory, String host, int port) throws IOException {
        raw.startTap();
        SSLSocket tls = (SSLSocket) factory.createSocket(raw, host, port, true);
        guard.add(tls);
        SSLParameters params = tls.getSSLParameters();
        params.setProtocols(TLS_PROTOCOLS.toArray(String[]::new));
        if (!HostNames.isIpLiteral(host)) {
            params.setServerNames(List.of(new SNIHostName(host)));
        }
        tls.setSSLParameters(params);
        tls.setSoTimeout(deadline.remainingMillis());
        tls.startHandshake();
        use(tls);
        return tls;
    }

    TappedSocket rawSocket() {
        return raw;
    }

    String localAddressLiteral() {
        var local = raw.getLocalAddress();
        String text = local.getHostAddress();
        return local instanceof java.net.Inet6Address ? "[IPv6:" + text + "]" : "[" + text + "]";
    }

    @Override
    public void close() {
        try {
            current.close();
        } catch (IOException ignored) {
            // best effort
        }
        try {
            raw.close();
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** The server sent a line longer than any mail protocol allows. */
    static final class LineTooLongException extends IOException {
        LineTooLongException() {
            super("line longer than " + MAX_LINE + " bytes");
        }
    }
}
