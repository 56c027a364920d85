package dev.mailwizard.bench;

import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * The floor for benchmark 4: the least a client must do per TLS probe, and nothing more. For each
 * host name of a file and each port, one TCP connection to 127.0.0.1, a full TLS handshake with
 * the name as SNI, the certificate checked against one CA and the name (as a browser would), and
 * close; {@code concurrency} at a time. Run in its own JVM like {@code mailwizard batch}, so both
 * pay the same start-up. Prints the number of failed handshakes.
 *
 * <p>Arguments: CA.pem NAMES.txt CONCURRENCY PORT...
 */
public final class BareTlsHandshakes {
    private BareTlsHandshakes() {
    }

    public static void main(String[] args) throws Exception {
        SSLContext context = contextTrusting(Path.of(args[0]));
        List<String> names = Files.readAllLines(Path.of(args[1])).stream().filter(l -> !l.isBlank()).toList();
        int concurrency = Integer.parseInt(args[2]);
        List<Integer> ports = List.of(args).subList(3, args.length).stream().map(Integer::valueOf).toList();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        for (String name : names) {
            pool.execute(() -> {
                for (int port : ports) {
                    if (!handshake(context, name, port)) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        System.out.println(failed.get());
    }

    private static boolean handshake(SSLContext context, String name, int port) {
        try (SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(5000);
            var params = s.getSSLParameters();
            params.setServerNames(List.of(new SNIHostName(name)));
            params.setEndpointIdentificationAlgorithm("HTTPS");
            s.setSSLParameters(params);
            s.startHandshake();
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static SSLContext contextTrusting(Path caPem) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = new FileInputStream(caPem.toFile())) {
            store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}
