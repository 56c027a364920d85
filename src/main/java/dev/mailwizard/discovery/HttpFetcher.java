package dev.mailwizard.discovery;

import dev.mailwizard.model.HostMapping;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A deliberately small HTTP GET for configuration files: HTTP/1.0 (no chunking, no keep-alive),
 * certificate and host name verified by the JDK, a deadline over the whole fetch, a size cap, and
 * never any credentials. It exists because {@code java.net.http.HttpClient} on Java 17 cannot
 * honour {@code --resolve} (ADR 0007). Redirects are the caller's decision.
 */
final class HttpFetcher {
    private static final int MAX_BODY = 512 * 1024;

    /** A response; header names are lower case. */
    record Response(int status, Map<String, String> headers, String body) {
    }

    private final Map<String, InetAddress> mappings = new HashMap<>();
    private final SSLContext tls;
    private final Duration timeout;

    HttpFetcher(List<HostMapping> hostMappings, List<X509Certificate> extraCas, Duration timeout) {
        hostMappings.forEach(m -> mappings.put(m.host(), m.address()));
        this.tls = context(extraCas);
        this.timeout = timeout;
    }

    Response get(URI uri) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String host = uri.getHost();
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        InetAddress address = mappings.containsKey(host) ? mappings.get(host) : InetAddress.getByName(host);
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(address, port), millisLeft(deadline));
            Socket socket = plain;
            if (https) {
                SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, true);
                SSLParameters p = s.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                p.setProtocols(new String[]{"TLSv1.3", "TLSv1.2"});
                p.setServerNames(List.of(new SNIHostName(host)));
                s.setSSLParameters(p);
                s.setSoTimeout(millisLeft(deadline));
                s.startHandshake();
                socket = s;
            }
            String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String request = "GET " + path + " HTTP/1.0\r\nHost: " + host + (uri.getPort() > 0 ? ":" + port : "")
                    + "\r\nUser-Agent: MailWizard\r\nAccept: application/xml, text/xml\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return parse(readAll(socket, deadline));
        }
    }

    private static byte[] readAll(Socket socket, long deadline) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        while (true) {
            socket.setSoTimeout(millisLeft(deadline));
            int n = in.read(chunk);
            if (n < 0) {
                return buf.toByteArray();
            }
            buf.write(chunk, 0, n);
            if (buf.size() > MAX_BODY) {
                throw new IOException("the response is larger than " + MAX_BODY / 1024 + " KiB");
            }
            if (System.nanoTime() > deadline) {
                throw new SocketTimeoutException("the response took too long");
            }
        }
    }

    private static Response parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        int sep = 4;
        if (end < 0) {
            end = text.indexOf("\n\n");
            sep = 2;
        }
        if (end < 0 || !text.startsWith("HTTP/")) {
            throw new IOException("not an HTTP response");
        }
        String[] lines = text.substring(0, end).split("\r?\n");
        String[] status = lines[0].split(" ", 3);
        if (status.length < 2 || !status[1].matches("\\d{3}")) {
            throw new IOException("bad HTTP status line");
        }
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
        }
        return new Response(Integer.parseInt(status[1]), headers, text.substring(end + sep));
    }

    private static int millisLeft(long deadline) throws SocketTimeoutException {
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
            throw new SocketTimeoutException("no answer in time");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    /** The system's trusted CAs plus the extra ones. */
    private static SSLContext context(List<X509Certificate> extraCas) {
        try {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            system.init((KeyStore) null);
            int i = 0;
            for (var tm : system.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    for (X509Certificate c : x.getAcceptedIssuers()) {
                        ks.setCertificateEntry("system-" + i++, c);
                    }
                }
            }
            for (X509Certificate c : extraCas) {
                ks.setCertificateEntry("extra-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS for discovery", e);
        }
    }
}
