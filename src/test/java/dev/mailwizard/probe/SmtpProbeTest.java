package dev.mailwizard.probe;

import dev.mailwizard.model.Outcome;
import static dev.mailwizard.probe.ProbeHarness.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.demo.DemoPki;
import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.demo.ServerBehaviour;
import dev.mailwizard.model.Security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmtpProbeTest {

    @Test
    void goodImplicitTlsServerIsOkAndLoginSucceeds() {
        try (var server = ScriptedSmtpServer.start(goodImplicitTls().build())) {
            ProbeResult r = probe(server, Security.TLS, PASSWORD);
            assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.OK);
            assertThat(r.login().result()).isEqualTo(LoginStatus.OK);
            assertThat(r.login().mechanism()).isEqualTo("PLAIN");
            assertThat(r.credentialsSent()).isTrue();
            assertThat(r.tls().protocol()).isIn("TLSv1.3", "TLSv1.2");
            assertThat(r.tls().certificate().trusted()).isTrue();
            assertThat(r.tls().certificate().hostnameMatches()).isTrue();
            assertThat(r.authMechanisms()).containsExactly("PLAIN", "LOGIN");
            assertThat(r.banner()).startsWith("220 ");
            assertThat(server.authAttempts()).isEqualTo(1);
            assertThat(server.receivedInClear()).isEmpty();
            assertThat(String.join("\n", r.transcript())).doesNotContain(PASSWORD).contains("AUTH PLAIN <redacted>");
        }
    }

    @Test
    void goodStarttlsServerIsOkAndAuthOnlyCrossesTls() {
        try (var server = ScriptedSmtpServer.start(goodStarttls().build())) {
            ProbeResult r = probe(server, Security.STARTTLS, PASSWORD);
            assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.OK);
            assertThat(r.capabilitiesBeforeTls()).contains("STARTTLS");
            assertThat(r.capabilitiesAfterTls()).contains("AUTH PLAIN LOGIN");
            assertThat(r.starttlsReply()).startsWith("220");
            assertThat(server.receivedInClear()).noneMatch(l -> l.toUpperCase().startsWith("AUTH"));
            assertThat(server.authAttempts()).isEqualTo(1);
        }
    }

    @Test
    void wrongPasswordIsRejectedOnceAndNeverRetried() {
        try (var server = ScriptedSmtpServer.start(goodStarttls().build())) {
            ProbeResult r = probe(server, Security.STARTTLS, "wrong");
            assertThat(r.outcome()).isEqualTo(Outcome.LOGIN_REJECTED);
            assertThat(r.login().result()).isEqualTo(LoginStatus.REJECTED);
            assertThat(r.login().reply()).startsWith("535");
            assertThat(server.authAttempts()).isEqualTo(1);
        }
    }

    @Test
    void strippedStarttlsIsReportedAndNoAuthIsSent() {
        try (var server = ScriptedSmtpServer.start(goodStarttls().offerStarttls(false).authBeforeTls("PLAIN", "LOGIN").build())) {
            ProbeResult r = probe(server, Security.STARTTLS, PASSWORD);
            assertThat(r.outcome()).isEqualTo(Outcome.STARTTLS_NOT_OFFERED);
            assertThat(r.credentialsSent()).isFalse();
            assertThat(server.authAttempts()).isZero();
            assertThat(server.received()).noneMatch(l -> l.line().toUpperCase().startsWith("AUTH"));
        }
    }

    @Test
    void refusedStarttlsIsReportedWithTheReply() {
        try (var server = ScriptedSmtpServer.start(goodStarttls().starttlsReply("454 4.7.0 TLS not available due to local problem").build())) {
            ProbeResult r = probe(server, Security.STARTTLS, PASSWORD);
            assertThat(r.outcome()).isEqualTo(Outcome.STARTTLS_REFUSED);
            assertThat(r.detail()).contains("454");
            assertThat(server.authAttempts()).isZero();
        }
    }

    @Test
    void dataInjectedAfterStarttlsIsAProtocolError() {
        try (var server = ScriptedSmtpServer.start(goodStarttls().injectAfterStarttls("250-injected\r\n250 AUTH PLAIN\r\n").build())) {
            ProbeResult r = probe(server, Security.STARTTLS, PASSWORD);
            assertThat(r.outcome()).isEqualTo(Outcome.PROTOCOL_ERROR);
            assertThat(server.authAttempts()).isZero();
        }
    }

    @Test
    void authOfferedOnlyBeforeTlsMeansLoginUnavailable() {
        try (var server = ScriptedSmtpServer.start(goodStarttls().authBeforeTls("PLAIN").authAfterTls().build())) {
            ProbeResult r = probe(server, Security.STARTTLS, PASSWORD);
            assertThat(r.outcome()).isEqualTo(Outcome.LOGIN_UNAVAILABLE);
            assertThat(r.warnings()).anyMatch(w -> w.contains("before encryption"));
            assertThat(server.authAttempts()).isZero();
        }
    }

    @Test
    void onlyMechanismsMailWizardCannotCheckMeanLoginUnavailableAndNothingIsSent() {
        try (var server = ScriptedSmtpServer.start(goodImplicitTls().authAfterTls("CRAM-MD5", "XOAUTH2").build())) {
            ProbeResult r = probe(server, Security.TLS, PASSWORD);
            assertThat(r.outcome()).isEqualTo(Outcome.LOGIN_UNAVAILABLE);
            assertThat(r.detail()).contains("CRAM-MD5 XOAUTH2");
            assertThat(server.received()).noneMatch(l -> l.line().toUpperCase().startsWith("AUTH"));
        }
    }

    @Test
    void ehloRefusedAfterTlsIsAProtocolError() {
        try (var server = ScriptedSmtpServer.start(goodStarttls().refuseEhloAfterTls().build())) {
            ProbeResult r = probe(server, Security.STARTTLS, PASSWORD);
            assertThat(r.outcome()).isEqualTo(Outcome.PROTOCOL_ERROR);
            assertThat(r.detail()).contains("EHLO");
            assertThat(server.authAttempts()).isZero();
        }
    }

    @Test
    void plainTextOnAnImplicitTlsPortIsNotTls() {
        try (var server = ScriptedSmtpServer.start(ServerBehaviour.builder().noTls().build())) {
            ProbeResult r = probe(server, Security.TLS, PASSWORD);
            assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.NOT_TLS);
            assertThat(r.detail()).contains("220");
        }
    }

    @Test
    void selfSignedCertificateIsUntrustedAndGetsNoPassword() {
        DemoPki.Issued self = DemoPki.selfSigned(HOST);
        try (var server = ScriptedSmtpServer.start(goodImplicitTls().implicitTls(self.serverContext()).build())) {
            ProbeResult r = probe(server, Security.TLS, PASSWORD);
            assertThat(r.outcome()).isEqualTo(Outcome.CERT_UNTRUSTED);
            assertThat(r.tls().certificate().trustProblem()).contains("self-signed");
            assertThat(r.capabilitiesAfterTls()).isNotEmpty();
            assertThat(server.authAttempts()).isZero();
            assertThat(server.received()).noneMatch(l -> l.line().toUpperCase().startsWith("AUTH"));
        }
    }

    @Test
    void certificateFromAnUnknownCaIsUntrusted() {
        DemoPki other = DemoPki.newAuthority("Unknown CA");
        try (var server = ScriptedSmtpServer.start(goodStarttls().starttls(other.issue(HOST).serverContext()).build())) {
            ProbeResult r = probe(server, Security.STARTTLS, PASSWORD);
            assertThat(r.outcome()).isEqualTo(Outcome.CERT_UNTRUSTED);
            assertThat(server.authAttempts()).isZero();
        }
    }

    @Test
    void certificateForAnotherHostIsAMismatch() {
        try (var server = ScriptedSmtpServer.start(goodImplicitTls().implicitTls(PKI.issue("other.example.net").serverContext()).build())) {
            ProbeResult r = probe(server, Security.TLS, PASSWORD);
            assertThat(r.outcome()).isEqualTo(Outcome.CERT_HOSTNAME_MISMATCH);
            assertThat(r.detail()).contains("other.example.net");
            assertThat(server.authAttempts()).isZero();
        }
    }

    @Test
    void expiredCertificateIsExpired() {
        Instant now = Instant.now();
        DemoPki.Issued old = PKI.issue(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(35)), HOST);
        try (var server = ScriptedSmtpServer.start(goodImplicitTls().implicitTls(old.serverContext()).build())) {
            ProbeResult r = probe(server, Security.TLS, PASSWORD);
            assertThat(r.outcome()).isEqualTo(Outcome.CERT_EXPIRED);
            assertThat(r.tls().certificate().expired()).isTrue();
            assertThat(r.tls().certificate().daysLeft()).isNegative();
            assertThat(server.authAttempts()).isZero();
        }
    }

    @Test
    void pinnedSelfSignedCertificateIsAcceptedAsPinnedNotVerified() {
        DemoPki.Issued self = DemoPki.selfSigned(HOST);
        try (var server = ScriptedSmtpServer.start(goodImplicitTls().implicitTls(self.serverContext()).build())) {
            TrustMaterial pinned = trust().withPins(List.of(TrustMaterial.sha256(self.certificate())));
            ProbeResult r = probe(server, Security.TLS, options(Duration.ofSeconds(5), PASSWORD), pinned);
            assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.OK);
            assertThat(r.tls().certificate().pinned()).isTrue();
            assertThat(r.tls().certificate().trusted()).isFalse();
            assertThat(r.login().result()).isEqualTo(LoginStatus.OK);
        }
    }

    @Test
    void tls10OnlyServerFailsTheHandshake() {
        try (var server = ScriptedSmtpServer.start(goodImplicitTls().tlsProtocols("TLSv1").build())) {
            ProbeResult r = probe(server, Security.TLS, PASSWORD);
            assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.TLS_HANDSHAKE_FAILED);
            assertThat(r.detail()).contains("TLS 1.2");
            assertThat(r.legacyTlsVersion()).as("the protocol_version alert is diagnosed too").isEqualTo("TLSv1");
            assertThat(server.authAttempts()).isZero();
        }
    }

    @Test
    void connectionResetIsRefused() {
        try (var server = ScriptedSmtpServer.start(ServerBehaviour.builder().resetOnConnect().build())) {
            ProbeResult r = probe(server, Security.STARTTLS, null);
            assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.REFUSED);
        }
    }

    @Test
    void resetOnAnImplicitTlsPortIsRefusedNotAHandshakeFailure() {
        try (var server = ScriptedSmtpServer.start(ServerBehaviour.builder().resetOnConnect().build())) {
            ProbeResult r = probe(server, Security.TLS, null);
            assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.REFUSED);
        }
    }

    @Test
    void closedPortIsRefused() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        var e = dev.mailwizard.model.Endpoint.smtp(HOST, port, Security.TLS);
        ProbeResult r = new ProbeRun(List.of(new PlannedProbe(e, true)), options(Duration.ofSeconds(3), null), trust(), loopback(), ProbeListener.NONE).execute().get(0);
        assertThat(r.outcome()).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void unresolvableNameIsUnresolved() {
        var e = dev.mailwizard.model.Endpoint.smtp("no-such-host.invalid", 465, Security.TLS);
        ProbeResult r = new ProbeRun(List.of(new PlannedProbe(e, true)), options(Duration.ofSeconds(3), null), trust(), loopback(), ProbeListener.NONE).execute().get(0);
        assertThat(r.outcome()).isEqualTo(Outcome.UNRESOLVED);
    }

    @Test
    void garbageGreetingIsAProtocolError() {
        try (var server = ScriptedSmtpServer.start(ServerBehaviour.builder().noTls().greeting("SSH-2.0-OpenSSH_9.2").build())) {
            ProbeResult r = probe(server, Security.STARTTLS, null);
            assertThat(r.outcome()).isEqualTo(Outcome.PROTOCOL_ERROR);
            assertThat(r.detail()).contains("not an SMTP reply");
        }
    }

    @Test
    void serviceRefusedGreetingIsAProtocolErrorThatSaysSo() {
        try (var server = ScriptedSmtpServer.start(ServerBehaviour.builder().noTls().greeting("554 5.7.1 No service for you").build())) {
            ProbeResult r = probe(server, Security.STARTTLS, null);
            assertThat(r.outcome()).isEqualTo(Outcome.PROTOCOL_ERROR);
            assertThat(r.detail()).contains("554").contains("does not accept connections");
        }
    }

    @Test
    void notYetValidCertificateIsExpired() {
        Instant now = Instant.now();
        DemoPki.Issued future = PKI.issue(now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(300)), HOST);
        try (var server = ScriptedSmtpServer.start(goodImplicitTls().implicitTls(future.serverContext()).build())) {
            ProbeResult r = probe(server, Security.TLS, PASSWORD);
            assertThat(r.outcome()).isEqualTo(Outcome.CERT_EXPIRED);
            assertThat(server.authAttempts()).isZero();
        }
    }

    @Test
    void plainLoginOnlyWithExplicitPermissionAndThenWithAWarning() {
        try (var server = ScriptedSmtpServer.start(ServerBehaviour.builder().noTls().authBeforeTls("PLAIN").user(USER, PASSWORD).build())) {
            ProbeOptions allowed = new ProbeOptions(Duration.ofSeconds(5), new dev.mailwizard.model.Credentials(USER, PASSWORD.toCharArray()),
                    true, null, USER);
            ProbeResult r = probe(server, Security.PLAIN, allowed, trust());
            assertThat(r.outcome()).isEqualTo(Outcome.PLAIN_OK);
            assertThat(r.login().result()).isEqualTo(LoginStatus.OK);
            assertThat(r.credentialsSent()).isTrue();
            assertThat(r.warnings()).anyMatch(w -> w.contains("WITHOUT encryption"));
            assertThat(server.authAttempts()).isEqualTo(1);
        }
    }

    @Test
    void plainProbeNeverSendsThePasswordUnlessAllowed() {
        try (var server = ScriptedSmtpServer.start(ServerBehaviour.builder().noTls().authBeforeTls("PLAIN").user(USER, PASSWORD).build())) {
            ProbeResult r = probe(server, Security.PLAIN, PASSWORD);
            assertThat(r.outcome()).isEqualTo(Outcome.PLAIN_OK);
            assertThat(r.credentialsSent()).isFalse();
            assertThat(r.login().result()).isEqualTo(LoginStatus.NOT_ATTEMPTED);
            assertThat(server.authAttempts()).isZero();
        }
    }
}
