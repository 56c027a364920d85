package dev.mailwizard.probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;
import javax.net.ssl.X509TrustManager;

/**
 * The trust we extend to servers: the system's roots, extra CA certificates the user gave
 * ({@code --trust-ca}), and setup-time pins ({@code --pin}, SHA-256 of the leaf). Immutable.
 */
public final class TrustMaterial {
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String ANY_EKU = "2.5.29.37.0";

    private final Set<TrustAnchor> anchors;
    /**
     * The anchors by subject, so a chain is checked against the few that could have issued one of
     * its certificates, not all ~150 of the system's (the builder read every anchor's name on every
     * probe: 6% of a batch's CPU).
     */
    private final Map<X500Principal, Set<TrustAnchor>> anchorsBySubject;
    private final Set<X509Certificate> anchorCertificates;
    private final List<X509Certificate> extraCas;
    private final Set<String> pins;
    /** The person's CA files behind some of {@code extraCas}, for the report (demo and test CAs have none). */
    private final List<String> caFiles;

    private TrustMaterial(Set<TrustAnchor> anchors, List<X509Certificate> extraCas, Set<String> pins, List<String> caFiles) {
        this.anchors = Set.copyOf(anchors);
        this.anchorsBySubject = this.anchors.stream().collect(Collectors.groupingBy(a -> a.getTrustedCert().getSubjectX500Principal(),
                Collectors.toUnmodifiableSet()));
        this.anchorCertificates = this.anchors.stream().map(TrustAnchor::getTrustedCert).collect(Collectors.toUnmodifiableSet());
        this.extraCas = List.copyOf(extraCas);
        this.pins = Set.copyOf(pins);
        this.caFiles = List.copyOf(caFiles);
    }

    /** The JDK's default trust store (honours {@code javax.net.ssl.trustStore}). */
    public static TrustMaterial system() {
        return new TrustMaterial(systemAnchors(), List.of(), Set.of(), List.of());
    }

    /** Trusts only the given CAs (for tests and the demo, which must not depend on the machine). */
    public static TrustMaterial only(List<X509Certificate> cas) {
        return new TrustMaterial(Set.of(), List.of(), Set.of(), List.of()).withExtraCas(cas);
    }

    public TrustMaterial withExtraCas(List<X509Certificate> cas) {
        Set<TrustAnchor> all = new HashSet<>(anchors);
        cas.forEach(ca -> all.add(new TrustAnchor(ca, null)));
        List<X509Certificate> extra = new ArrayList<>(extraCas);
        extra.addAll(cas);
        return new TrustMaterial(all, extra, pins, caFiles);
    }

    /** Adds the CAs read from {@code file} (see {@link #readPem}) and remembers the file for the report. */
    public TrustMaterial withCaFile(Path file, List<X509Certificate> cas) {
        TrustMaterial added = withExtraCas(cas);
        List<String> files = new ArrayList<>(caFiles);
        String path = file.toAbsolutePath().normalize().toString();
        if (!files.contains(path)) {
            files.add(path);
        }
        return new TrustMaterial(added.anchors, added.extraCas, pins, files);
    }

    /** What the person added to the system's trust, for the report. */
    public TrustUsed used() {
        return new TrustUsed(caFiles, List.copyOf(pins));
    }

    public TrustMaterial withPins(Collection<String> fingerprints) {
        Set<String> all = new HashSet<>(pins);
        fingerprints.forEach(p -> all.add(normalizePin(p)));
        return new TrustMaterial(anchors, extraCas, all, caFiles);
    }

    public Set<String> pins() {
        return pins;
    }

    /**
     * Reads PEM certificates for {@code --trust-ca}.
     *
     * @throws TrustInputException naming the file and the problem
     */
    public static List<X509Certificate> readPem(Path file) {
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new TrustInputException(TrustInputException.Input.CA_FILE, TrustInputException.Problem.NOT_READABLE, file.toString());
        }
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : certs) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new TrustInputException(TrustInputException.Input.CA_FILE, TrustInputException.Problem.NO_CERTIFICATE, file.toString());
            }
            return out;
        } catch (IOException | CertificateException e) {
            throw new TrustInputException(TrustInputException.Input.CA_FILE, TrustInputException.Problem.NOT_PEM, file.toString());
        }
    }

    /**
     * Normalises a SHA-256 fingerprint to upper-case hex pairs joined by colons.
     *
     * @throws TrustInputException naming the value when it is not 32 bytes of hex
     */
    public static String normalizePin(String pin) {
        String hex = pin == null ? "" : pin.strip().replaceFirst("(?i)^sha256[:/]", "").replace(":", "").replace(" ", "");
        if (!hex.matches("(?i)[0-9a-f]{64}")) {
            throw new TrustInputException(TrustInputException.Input.PIN, TrustInputException.Problem.NOT_A_FINGERPRINT, String.valueOf(pin));
        }
        return formatFingerprint(HexFormat.of().parseHex(hex));
    }

    public static String sha256(X509Certificate cert) {
        try {
            return formatFingerprint(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String formatFingerprint(byte[] digest) {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }

    public boolean isPinned(X509Certificate leaf) {
        return pins.contains(sha256(leaf));
    }

    /**
     * Inspects a presented chain for the host that was dialled.
     */
    public CertificateReport inspect(List<X509Certificate> chain, String dialledHost, Instant now) {
        X509Certificate leaf = chain.get(0);
        Instant notBefore = leaf.getNotBefore().toInstant();
        Instant notAfter = leaf.getNotAfter().toInstant();
        // Only the leaf's dates decide "expired": servers often send extra, already expired
        // cross-signed certificates that a valid path does not need (Let's Encrypt's old chain).
        // The chain is judged at a moment inside the leaf's validity, so an expired certificate
        // from a trusted CA is reported as expired, not as untrusted.
        boolean expired = now.isBefore(notBefore) || now.isAfter(notAfter);
        Instant judgeAt = expired ? (now.isAfter(notAfter) ? notAfter.minusSeconds(1) : notBefore.plusSeconds(1)) : now;
        String problem = chainProblem(chain, judgeAt);
        return new CertificateReport(
                leaf.getSubjectX500Principal().getName(),
                leaf.getIssuerX500Principal().getName(),
                notBefore, notAfter, sha256(leaf),
                HostnameMatcher.subjectAltNames(leaf),
                problem == null,
                HostnameMatcher.matches(leaf, dialledHost),
                expired,
                isPinned(leaf),
                ChronoUnit.DAYS.between(now, notAfter),
                problem);
    }

    /** Null when the chain leads to a trusted anchor at the given moment, otherwise why not. */
    String chainProblem(List<X509Certificate> chain, Instant at) {
        X509Certificate leaf = chain.get(0);
        if (!serverAuthAllowed(leaf)) {
            return "the certificate is not meant for servers (extended key usage)";
        }
        if (anchorCertificates.contains(leaf)) {
            return null; // the user trusts this very certificate
        }
        if (anchors.isEmpty()) {
            return "no trusted certificate authorities are configured";
        }
        // Every certificate on a path comes from the chain, so only an anchor that issued one of them can end it.
        Set<TrustAnchor> issuers = new HashSet<>();
        chain.forEach(c -> issuers.addAll(anchorsBySubject.getOrDefault(c.getIssuerX500Principal(), Set.of())));
        if (issuers.isEmpty()) {
            return noPath(leaf);
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(leaf);
            PKIXBuilderParameters params = new PKIXBuilderParameters(issuers, target);
            params.setRevocationEnabled(false);
            params.setDate(Date.from(at));
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(chain)));
            CertPathBuilder.getInstance("PKIX").build(params);
            return null;
        } catch (CertPathBuilderException e) {
            return noPath(leaf);
        } catch (InvalidAlgorithmParameterException | NoSuchAlgorithmException e) {
            return "certificate path check failed: " + e.getMessage();
        }
    }

    private static String noPath(X509Certificate leaf) {
        if (leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
            return "the certificate is self-signed";
        }
        return "no chain to a trusted certificate authority (unknown CA or incomplete chain)";
    }

    private static boolean serverAuthAllowed(X509Certificate leaf) {
        try {
            List<String> eku = leaf.getExtendedKeyUsage();
            return eku == null || eku.contains(SERVER_AUTH) || eku.contains(ANY_EKU);
        } catch (java.security.cert.CertificateParsingException e) {
            return false;
        }
    }

    /**
     * A trust manager for connections that carry credentials: accepts a chain only when it is
     * trusted and current, or when its leaf is pinned. Host names are checked by the caller.
     */
    public X509TrustManager strictTrustManager() {
        return new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("client certificates are not accepted here");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                if (chain == null || chain.length == 0) {
                    throw new CertificateException("the server sent no certificate");
                }
                if (isPinned(chain[0])) {
                    return;
                }
                // The same rule as inspect(): the leaf's dates, then a path that validates now (PKIX
                // checks the dates of every certificate on that path, and ignores extra expired
                // cross-signs the server sends but the path does not use).
                Instant now = Instant.now();
                X509Certificate leaf = chain[0];
                if (now.isBefore(leaf.getNotBefore().toInstant()) || now.isAfter(leaf.getNotAfter().toInstant())) {
                    throw new CertificateException("certificate expired or not yet valid: " + leaf.getSubjectX500Principal());
                }
                String problem = chainProblem(List.of(chain), now);
                if (problem != null) {
                    throw new CertificateException(problem);
                }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
    }

    /**
     * Checks that the peer's certificate names {@code dialledHost} (RFC 6125), whatever name or
     * address the caller connected with; a pinned certificate passes, since the user accepted it.
     */
    public javax.net.ssl.HostnameVerifier hostnameVerifier(String dialledHost) {
        return (ignoredName, session) -> {
            try {
                var certs = session.getPeerCertificates();
                if (certs.length == 0 || !(certs[0] instanceof X509Certificate leaf)) {
                    return false;
                }
                return isPinned(leaf) || HostnameMatcher.matches(leaf, dialledHost);
            } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                return false;
            }
        };
    }

    private static Set<TrustAnchor> systemAnchors() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            Set<TrustAnchor> out = new HashSet<>();
            for (var tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    for (X509Certificate c : x.getAcceptedIssuers()) {
                        out.add(new TrustAnchor(c, null));
                    }
                }
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the system trust store", e);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "TrustMaterial[%d anchors, %d extra CAs, %d pins]", anchors.size(), extraCas.size(), pins.size());
    }
}
