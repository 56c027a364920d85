package dev.mailwizard.probe;

/** The negotiated TLS session of a probe and the server's certificate. */
public record TlsDetails(String protocol, String cipherSuite, CertificateReport certificate) {
}
