package dev.mailwizard.probe;

import dev.mailwizard.model.Outcome;
import static dev.mailwizard.probe.ProbeHarness.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwizard.demo.DemoPki;
import dev.mailwizard.demo.HostileCertificates;
import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.demo.ServerBehaviour;
import dev.mailwizard.model.Security;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The diagnosis ({@link TrustMaterial#inspect}) and the login's trust manager must agree: the path
 * that validates decides, not every certificate a server happens to send.
 */
class TrustAgreementTest {
    private static final DemoPki.Issued LEAF = PKI.issue(HOST);
    private static final X509Certificate CROSS_SIGN = HostileCertificates.expiredCrossSign(PKI.caCertificate());

    @Test
    void anExpiredCrossSignThatNoValidPathNeedsIsAcceptedByBoth() throws Exception {
        X509Certificate[] chain = {LEAF.certificate(), PKI.caCertificate(), CROSS_SIGN};
        CertificateReport diagnosis = trust().inspect(List.of(chain), HOST, Instant.now());
        assertThat(diagnosis.trusted()).isTrue();
        assertThat(diagnosis.expired()).isFalse();
        trust().strictTrustManager().checkServerTrusted(chain, "ECDHE_ECDSA");
    }

    @Test
    void anExpiredLeafIsRefusedByBoth() {
        DemoPki.Issued old = PKI.issue(Instant.now().minus(Duration.ofDays(90)), Instant.now().minus(Duration.ofDays(1)), HOST);
        X509Certificate[] chain = {old.certificate(), PKI.caCertificate()};
        assertThat(trust().inspect(List.of(chain), HOST, Instant.now()).expired()).isTrue();
        assertThatThrownBy(() -> trust().strictTrustManager().checkServerTrusted(chain, "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class).hasMessageContaining("expired");
    }

    @Test
    void aServerSendingAnExpiredCrossSignIsDiagnosedOkAndTheLoginGoesThrough() {
        DemoPki.Issued withCrossSign = new DemoPki.Issued(LEAF.certificate(), LEAF.key(), List.of(LEAF.certificate(), PKI.caCertificate(), CROSS_SIGN));
        try (var server = ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(withCrossSign.serverContext()).user(USER, PASSWORD).build())) {
            ProbeResult r = probe(server, Security.TLS, PASSWORD);
            assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.OK);
            assertThat(r.login().result()).isEqualTo(LoginStatus.OK);
            assertThat(server.authAttempts()).isEqualTo(1);
        }
    }

    @Test
    void amongTheSystemRootsTheIssuingCaIsFoundWhateverTheServerSends() {
        TrustMaterial systemAndDemo = TrustMaterial.system().withExtraCas(List.of(PKI.caCertificate()));
        assertThat(systemAndDemo.inspect(List.of(LEAF.certificate()), HOST, Instant.now()).trusted()).isTrue();
        assertThat(systemAndDemo.inspect(List.of(LEAF.certificate(), PKI.caCertificate()), HOST, Instant.now()).trusted()).isTrue();

        DemoPki.Issued stranger = DemoPki.newAuthority("Unknown CA").issue(HOST);
        CertificateReport unknown = systemAndDemo.inspect(stranger.chain(), HOST, Instant.now());
        assertThat(unknown.trusted()).isFalse();
        assertThat(unknown.trustProblem()).contains("no chain to a trusted certificate authority");

        DemoPki.Issued self = DemoPki.selfSigned(HOST);
        assertThat(systemAndDemo.inspect(self.chain(), HOST, Instant.now()).trustProblem()).isEqualTo("the certificate is self-signed");
        assertThat(systemAndDemo.withExtraCas(List.of(self.certificate())).inspect(self.chain(), HOST, Instant.now()).trusted()).isTrue();
    }
}
