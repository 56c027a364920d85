package dev.mailwizard.export;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the report's {@code trust} into an {@link ExportTrust}. The CA files are read now, on the
 * machine that exports, and only their certificates are kept (re-encoded as PEM), so a key or
 * anything else that shared the file never reaches the export folder.
 */
final class TrustJson {
    private TrustJson() {
    }

    /**
     * @throws IllegalArgumentException naming a CA file that cannot be read here, or a pin that is not a fingerprint
     */
    static ExportTrust read(JsonNode report) {
        JsonNode trust = report.path("trust");
        if (!trust.isObject()) {
            return ExportTrust.NONE;
        }
        List<String> sources = new ArrayList<>();
        StringBuilder pem = new StringBuilder();
        for (JsonNode f : trust.path("extraCaFiles")) {
            String file = f.asText();
            sources.add(file);
            pem.append(certificatesOf(file));
        }
        List<String> pins = new ArrayList<>();
        for (JsonNode p : trust.path("pins")) {
            String pin = p.asText().strip().toUpperCase(java.util.Locale.ROOT);
            if (!pin.matches("([0-9A-F]{2}:){31}[0-9A-F]{2}")) {
                throw new IllegalArgumentException("the report's trust pins '" + Text.shown(p.asText())
                        + "', not a SHA-256 fingerprint (32 hex pairs joined by colons); probe again with --pin FINGERPRINT");
            }
            pins.add(pin);
        }
        Map<String, String> pinned = new LinkedHashMap<>();
        for (JsonNode probe : report.path("probes")) {
            JsonNode cert = probe.path("tls").path("certificate");
            String sha = cert.path("sha256").asText("").toUpperCase(java.util.Locale.ROOT);
            if (cert.path("pinned").asBoolean(false) && pins.contains(sha)) {
                pinned.put(probe.path("host").asText() + ":" + probe.path("port").asInt(), sha);
            }
        }
        return new ExportTrust(sources, pem.toString(), pins, pinned);
    }

    private static String certificatesOf(String file) {
        String fix = ": copy it to this path, or probe again with --trust-ca FILE";
        Path path;
        try {
            path = Path.of(file);
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("the report's trust names the CA file '" + Text.shown(file) + "', which is not a path here" + fix);
        }
        if (!path.isAbsolute() || !Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new IllegalArgumentException("the report's trust names the CA file '" + Text.shown(file)
                    + "', which cannot be read here" + fix);
        }
        StringBuilder out = new StringBuilder();
        try {
            Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            // Only the CERTIFICATE blocks: a key kept in the same file never reaches the export folder.
            for (byte[] der : Pem.certificates(Files.readString(path, StandardCharsets.US_ASCII))) {
                Certificate c = x509.generateCertificate(new ByteArrayInputStream(der));
                out.append("-----BEGIN CERTIFICATE-----\n").append(base64.encodeToString(c.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            }
        } catch (IOException | CertificateException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the report's trust names the CA file '" + Text.shown(file)
                    + "', which is not a PEM certificate file" + fix);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the report's trust names the CA file '" + Text.shown(file)
                    + "', which holds no certificate" + fix);
        }
        return out.toString();
    }
}
