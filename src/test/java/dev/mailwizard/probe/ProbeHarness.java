package dev.mailwizard.probe;

import dev.mailwizard.demo.DemoPki;
import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.demo.ServerBehaviour;
import dev.mailwizard.model.Credentials;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.HostMapping;
import dev.mailwizard.model.Security;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs probes against scripted servers on loopback under the name mail.demo.test. */
final class ProbeHarness {
    static final String HOST = "mail.demo.test";
    static final String USER = "alice@demo.test";
    static final String PASSWORD = "correct horse battery staple";
    static final DemoPki PKI = DemoPki.newAuthority("MailWizard Test CA");
    static final DemoPki.Issued GOOD_CERT = PKI.issue(HOST);

    private ProbeHarness() {
    }

    static ServerBehaviour.Builder goodImplicitTls() {
        return ServerBehaviour.builder().implicitTls(GOOD_CERT.serverContext()).user(USER, PASSWORD);
    }

    static ServerBehaviour.Builder goodStarttls() {
        return ServerBehaviour.builder().starttls(GOOD_CERT.serverContext()).user(USER, PASSWORD);
    }

    static TrustMaterial trust() {
        return TrustMaterial.only(List.of(PKI.caCertificate()));
    }

    static AddressResolver loopback(String... hosts) {
        List<HostMapping> maps = new ArrayList<>();
        for (String h : hosts.length == 0 ? new String[]{HOST} : hosts) {
            maps.add(new HostMapping(h, InetAddress.getLoopbackAddress()));
        }
        return new AddressResolver(maps);
    }

    static ProbeOptions options(Duration timeout, String password) {
        Credentials c = password == null ? null : new Credentials(USER, password.toCharArray());
        return new ProbeOptions(timeout, c, false, null, USER);
    }

    static ProbeResult probe(ScriptedSmtpServer server, Security security, ProbeOptions options, TrustMaterial trust) {
        Endpoint e = Endpoint.smtp(HOST, server.port(), security);
        return new ProbeRun(List.of(new PlannedProbe(e, true)), options, trust, loopback(), ProbeListener.NONE).execute().get(0);
    }

    static ProbeResult probe(ScriptedSmtpServer server, Security security, String password) {
        return probe(server, security, options(Duration.ofSeconds(5), password), trust());
    }
}
