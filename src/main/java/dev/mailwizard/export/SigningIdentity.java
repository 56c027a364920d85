package dev.mailwizard.export;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A certificate (with its chain) and private key to sign Apple profiles with, read from PEM files. */
public record SigningIdentity(List<X509Certificate> chain, PrivateKey key) {
    public SigningIdentity {
        chain = List.copyOf(chain);
        Objects.requireNonNull(key, "key");
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("no certificate");
        }
    }

    public String subject() {
        return chain.get(0).getSubjectX500Principal().getName();
    }

    /**
     * Reads the signer's certificate (first in the file, intermediates after it) and its unencrypted key.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public static SigningIdentity load(Path certificates, Path keyFile) {
        List<X509Certificate> chain = new ArrayList<>();
        try (InputStream in = Files.newInputStream(certificates)) {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            cf.generateCertificates(in).forEach(c -> chain.add((X509Certificate) c));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("signing certificate file '" + certificates + "' does not exist");
        } catch (IOException | CertificateException e) {
            throw new IllegalArgumentException("signing certificate file '" + certificates + "' is not PEM certificates: " + e.getMessage());
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("signing certificate file '" + certificates + "' holds no certificate");
        }
        try (Reader r = Files.newBufferedReader(keyFile, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(r)) {
            Object o = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            PrivateKey key;
            if (o instanceof PEMKeyPair pair) {
                key = converter.getPrivateKey(pair.getPrivateKeyInfo());
            } else if (o instanceof PrivateKeyInfo info) {
                key = converter.getPrivateKey(info);
            } else {
                throw new IllegalArgumentException("signing key file '" + keyFile
                        + "' holds no unencrypted private key (decrypt it first: openssl pkey -in KEY -out plain.pem)");
            }
            if (!matches(chain.get(0), key)) {
                throw new IllegalArgumentException("signing key file '" + keyFile + "' does not belong to the certificate in '" + certificates + "'");
            }
            return new SigningIdentity(chain, key);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("signing key file '" + keyFile + "' does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("signing key file '" + keyFile + "' cannot be read: " + e.getMessage());
        }
    }

    private static boolean matches(X509Certificate cert, PrivateKey key) {
        try {
            byte[] probe = "mailwizard".getBytes(StandardCharsets.US_ASCII);
            String alg = "RSA".equals(key.getAlgorithm()) ? "SHA256withRSA" : "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : null;
            if (alg == null) {
                return true; // other key types: the CMS signer reports a mismatch itself
            }
            java.security.Signature s = java.security.Signature.getInstance(alg);
            s.initSign(key);
            s.update(probe);
            byte[] sig = s.sign();
            s.initVerify(cert.getPublicKey());
            s.update(probe);
            return s.verify(sig);
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "SigningIdentity[" + subject() + "]";
    }
}
