package dev.mailwizard.demo;

import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.HostMapping;
import dev.mailwizard.model.Security;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The in-process servers of {@code mailwizard demo} and the wizard's "Try the demo": two good SMTP
 * ones (implicit TLS and STARTTLS), one whose STARTTLS is stripped, a tarpit, one with a
 * self-signed certificate, and a good IMAP server; all on loopback, under made-up names that
 * resolve only here.
 */
public final class DemoServers implements AutoCloseable {
    public static final String ADDRESS = "alice@demo.test";
    public static final String GOOD_HOST = "smtp.demo.test";
    public static final String IMAP_HOST = "imap.demo.test";
    private final DemoPki pki = DemoPki.newAuthority("MailWizard Demo CA");
    private final char[] password = randomPassword();
    private final List<ScriptedServer> servers = new ArrayList<>();
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final List<String> hosts = new ArrayList<>();

    private DemoServers() {
        var good = pki.issue(GOOD_HOST);
        add(GOOD_HOST, Security.TLS, ServerBehaviour.builder().implicitTls(good.serverContext()).user(ADDRESS, new String(password)));
        add(GOOD_HOST, Security.STARTTLS, ServerBehaviour.builder().starttls(good.serverContext()).user(ADDRESS, new String(password)));
        add("stripped.demo.test", Security.STARTTLS, ServerBehaviour.builder().starttls(pki.issue("stripped.demo.test").serverContext())
                .offerStarttls(false).authBeforeTls("PLAIN", "LOGIN"));
        add("tarpit.demo.test", Security.TLS, ServerBehaviour.builder().silent());
        add("selfsigned.demo.test", Security.TLS, ServerBehaviour.builder()
                .implicitTls(DemoPki.selfSigned("selfsigned.demo.test").serverContext()).user(ADDRESS, new String(password)));
        ScriptedImapServer imap = ScriptedImapServer.start(MailboxBehaviour.implicit(pki.issue(IMAP_HOST).serverContext(), ADDRESS, new String(password)));
        servers.add(imap);
        endpoints.add(new Endpoint(dev.mailwizard.model.Protocol.IMAP, IMAP_HOST, imap.port(), Security.TLS));
        hosts.add(IMAP_HOST);
    }

    public static DemoServers start() {
        return new DemoServers();
    }

    private void add(String host, Security security, ServerBehaviour.Builder behaviour) {
        ScriptedSmtpServer server = ScriptedSmtpServer.start(behaviour.greeting("220 " + host + " ESMTP MailWizard demo").build());
        servers.add(server);
        endpoints.add(Endpoint.smtp(host, server.port(), security));
        if (!hosts.contains(host)) {
            hosts.add(host);
        }
    }

    /** The endpoints to probe, best first. */
    public List<Endpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    /** Each demo name points at loopback. */
    public List<HostMapping> mappings() {
        return hosts.stream().map(h -> new HostMapping(h, InetAddress.getLoopbackAddress())).toList();
    }

    public List<String> hosts() {
        return List.copyOf(hosts);
    }

    /** The demo CA, trusted for the demo instead of the system's roots. */
    public java.security.cert.X509Certificate caCertificate() {
        return pki.caCertificate();
    }

    /** The demo account's password (made up for this run). */
    public char[] password() {
        return password.clone();
    }

    private static char[] randomPassword() {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b).toCharArray();
    }

    @Override
    public void close() {
        servers.forEach(ScriptedServer::close);
    }
}
