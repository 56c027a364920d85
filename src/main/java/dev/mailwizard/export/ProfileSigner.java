package dev.mailwizard.export;

import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;

/** Wraps a profile in CMS SignedData (DER, content attached), the form Apple devices verify. */
final class ProfileSigner {
    private ProfileSigner() {
    }

    static byte[] sign(byte[] content, SigningIdentity id) {
        try {
            String alg = "EC".equals(id.key().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder(alg).build(id.key()), id.chain().get(0)));
            gen.addCertificates(new JcaCertStore(id.chain()));
            return gen.generate(new CMSProcessableByteArray(content), true).getEncoded();
        } catch (OperatorCreationException | CMSException | CertificateEncodingException | IOException e) {
            throw new IllegalArgumentException("cannot sign the profile with " + id.subject() + ": " + e.getMessage(), e);
        }
    }
}
