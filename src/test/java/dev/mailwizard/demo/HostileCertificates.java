package dev.mailwizard.demo;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** For tests: self-signed server certificates whose subject says whatever a hostile server wants. */
public final class HostileCertificates {
    private HostileCertificates() {
    }

    /** A self-signed leaf with this subject common name, valid for {@code dnsName}. */
    public static DemoPki.Issued selfSigned(String commonName, String dnsName) {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = gen.generateKeyPair();
            Instant now = Instant.now();
            // X500Name takes the value as it is, so the control and bidi characters really are in the certificate.
            X500Name subject = new X500Name("CN=" + commonName);
            var builder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(30))), subject, keys.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            return new DemoPki.Issued(cert, keys.getPrivate(), List.of(cert));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the test certificate", e);
        }
    }

    /**
     * An expired cross-signed copy of {@code ca}: same subject and key, issued by an old root that
     * has since lapsed (as Let's Encrypt's ISRG Root X1 was by DST Root CA X3). Servers still send
     * such certificates; a valid path does not need them.
     */
    public static X509Certificate expiredCrossSign(X509Certificate ca) {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair oldRoot = gen.generateKeyPair();
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=Old Root CA X3"), BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(Duration.ofDays(800))), Date.from(now.minus(Duration.ofDays(30))),
                    X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()), ca.getPublicKey());
            builder.addExtension(Extension.basicConstraints, true, new org.bouncycastle.asn1.x509.BasicConstraints(true));
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(oldRoot.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the test certificate", e);
        }
    }
}
