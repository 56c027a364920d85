package dev.mailwizard.mta;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** TLS that trusts only the test CA of {@code .ci/mta-setup} (the mail servers and the authorization server). */
final class MtaTrust {
    private MtaTrust() {
    }

    static SSLContext context(Map<String, String> env) throws IOException, GeneralSecurityException {
        KeyStore roots = KeyStore.getInstance("PKCS12");
        roots.load(null, null);
        try (InputStream in = Files.newInputStream(Path.of(env.get("MTA_CA")))) {
            roots.setCertificateEntry("mta-test-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(roots);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return tls;
    }
}
