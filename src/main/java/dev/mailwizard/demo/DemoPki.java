package dev.mailwizard.demo;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Makes certificates on the fly for the demo servers and the tests: a private CA and leaves
 * signed by it (or self-signed), with chosen names and validity. Nothing is written to disk
 * unless asked, and nothing is checked in, so nothing expires in the repository.
 */
public final class DemoPki {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final String caName;
    private final KeyPair caKeys;
    private final X509Certificate caCert;

    private DemoPki(String caName) {
        this.caName = caName;
        this.caKeys = newKeyPair();
        Instant now = Instant.now();
        this.caCert = sign(new X500Name("CN=" + caName), caKeys, new X500Name("CN=" + caName), caKeys.getPrivate(),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)), true, List.of());
    }

    /** A new private certificate authority. */
    public static DemoPki newAuthority(String name) {
        return new DemoPki(name);
    }

    public X509Certificate caCertificate() {
        return caCert;
    }

    /** A server certificate and key. */
    public record Issued(X509Certificate certificate, PrivateKey key, List<X509Certificate> chain) {
        /** A server-side TLS context presenting this certificate. */
        public SSLContext serverContext() {
            try {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                char[] pw = "demo".toCharArray();
                ks.setKeyEntry("server", key, pw, chain.toArray(new X509Certificate[0]));
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, pw);
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(kmf.getKeyManagers(), null, null);
                return ctx;
            } catch (GeneralSecurityException | java.io.IOException e) {
                throw new IllegalStateException("cannot build a TLS context for the demo server", e);
            }
        }
    }

    /** A leaf for these names (DNS names or IP literals), valid from yesterday for a year. */
    public Issued issue(String... names) {
        Instant now = Instant.now();
        return issue(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), names);
    }

    /** A leaf with a chosen validity window (for expired or not-yet-valid certificates). */
    public Issued issue(Instant notBefore, Instant notAfter, String... names) {
        KeyPair keys = newKeyPair();
        X509Certificate cert = sign(new X500Name("CN=" + names[0]), keys, new X500Name("CN=" + caName), caKeys.getPrivate(),
                notBefore, notAfter, false, List.of(names));
        return new Issued(cert, keys.getPrivate(), List.of(cert, caCert));
    }

    /** A self-signed leaf (its own issuer, no CA). */
    public static Issued selfSigned(String... names) {
        KeyPair keys = newKeyPair();
        Instant now = Instant.now();
        X500Name subject = new X500Name("CN=" + names[0]);
        X509Certificate cert = sign(subject, keys, subject, keys.getPrivate(), now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(365)), false, List.of(names));
        return new Issued(cert, keys.getPrivate(), List.of(cert));
    }

    /** PEM text of a certificate. */
    public static String pem(X509Certificate cert) {
        try {
            String b64 = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + b64 + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return gen.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate sign(X500Name subject, KeyPair subjectKeys, X500Name issuer, PrivateKey issuerKey,
                                        Instant notBefore, Instant notAfter, boolean ca, List<String> names) {
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).abs().add(BigInteger.ONE),
                    Date.from(notBefore), Date.from(notAfter), subject, subjectKeys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (ca) {
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                List<GeneralName> sans = new ArrayList<>();
                for (String n : names) {
                    boolean ip = n.matches("\\d{1,3}(\\.\\d{1,3}){3}") || n.contains(":");
                    sans.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, n));
                }
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(GeneralName[]::new)));
            }
            return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
        } catch (CertIOException | OperatorCreationException | java.security.cert.CertificateException e) {
            throw new IllegalStateException("cannot make a demo certificate", e);
        }
    }
}
