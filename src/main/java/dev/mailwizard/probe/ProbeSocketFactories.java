package dev.mailwizard.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The socket factories handed to Jakarta Mail. Jakarta Mail is told to connect to the address
 * our diagnosis used (so {@code --resolve} applies and DNS cannot send the password elsewhere);
 * TLS is layered with the dialled host name for SNI, and every socket obeys the deadline guard.
 */
final class ProbeSocketFactories {
    private ProbeSocketFactories() {
    }

    static SocketFactory plain(SocketGuard guard, CredentialWatch watch) {
        return new PlainFactory(guard, watch);
    }

    static SSLSocketFactory tls(TrustManager trustManager, String dialledHost, SocketGuard guard, CredentialWatch watch) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[]{trustManager}, null);
            return new LayeringTlsFactory(context.getSocketFactory(), dialledHost, guard, watch);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this Java runtime", e);
        }
    }

    private static final class PlainFactory extends SocketFactory {
        private final SocketGuard guard;
        private final CredentialWatch watch;

        PlainFactory(SocketGuard guard, CredentialWatch watch) {
            this.guard = guard;
            this.watch = watch;
        }

        @Override
        public Socket createSocket() {
            Socket s = new WatchedPlainSocket(watch);
            guard.add(s);
            return s;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            Socket s = createSocket();
            s.connect(new InetSocketAddress(host, port));
            return s;
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            Socket s = createSocket();
            s.connect(new InetSocketAddress(host, port));
            return s;
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return createSocket(address, port);
        }
    }

    /**
     * Jakarta Mail connects a plain socket to the address, then layers TLS on it through
     * {@link #createSocket(Socket, String, int, boolean)} naming that address; we name the dialled
     * host instead, so SNI carries the name the certificate must match. What Jakarta Mail writes
     * passes the {@link CredentialWatch} before encryption.
     */
    /** A plain socket whose output passes the {@link CredentialWatch} (a plain login, or the bytes before STARTTLS). */
    private static final class WatchedPlainSocket extends Socket {
        private final CredentialWatch watch;
        private java.io.OutputStream out;

        WatchedPlainSocket(CredentialWatch watch) {
            this.watch = watch;
        }

        @Override
        public synchronized java.io.OutputStream getOutputStream() throws IOException {
            if (out == null) {
                out = watch.watch(super.getOutputStream());
            }
            return out;
        }
    }

    private static final class LayeringTlsFactory extends SSLSocketFactory {
        private final SSLSocketFactory delegate;
        private final String dialledHost;
        private final PlainFactory plain;
        private final SocketGuard guard;
        private final CredentialWatch watch;

        LayeringTlsFactory(SSLSocketFactory delegate, String dialledHost, SocketGuard guard, CredentialWatch watch) {
            this.delegate = delegate;
            this.dialledHost = dialledHost;
            this.plain = new PlainFactory(guard, watch);
            this.guard = guard;
            this.watch = watch;
        }

        @Override
        public Socket createSocket() {
            return plain.createSocket();
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            SSLSocket tls = (SSLSocket) delegate.createSocket(s, dialledHost, port, autoClose);
            guard.add(tls);
            return new WatchedTlsSocket(tls, watch);
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return createSocket(plain.createSocket(host, port), host, port, true);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return createSocket(plain.createSocket(host, port), host.getHostAddress(), port, true);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return createSocket(address, port);
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return delegate.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }
    }
}
