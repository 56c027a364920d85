package dev.mailwizard.ui;

import dev.mailwizard.demo.DemoPki;
import dev.mailwizard.demo.ScriptedServer;
import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.demo.ServerBehaviour;
import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.Security;
import dev.mailwizard.probe.TrustMaterial;
import dev.mailwizard.signin.Browser;
import dev.mailwizard.signin.MockAuthorizationServer;
import dev.mailwizard.signin.SignInFlow;
import dev.mailwizard.signin.TokenStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * What the wizard's sign-in tests share: Gmail's outgoing server name on loopback (through a host
 * mapping), an authorization server for it (mock-oauth2-server over HTTPS; every sign-in gets the
 * same, known token), a registrations file naming that server for smtp.gmail.com, and the test CA
 * written where the Servers step's "Extra CA certificate" reads it (the token endpoint trusts it).
 */
final class SignInFixture implements AutoCloseable {
    static final String ADDRESS = "alice@gmail.com";
    static final String HOST = "smtp.gmail.com";
    static final String CLIENT_ID = "mailwizard-desktop";

    final DemoPki pki = DemoPki.newAuthority("Wizard Sign-in Test CA");
    final MockAuthorizationServer authorization = MockAuthorizationServer.startWithKnownTokens(pki, "google", ADDRESS, CLIENT_ID);
    final Path caFile;
    final Path registrations;

    SignInFixture(Path dir) {
        try {
            caFile = Files.writeString(dir.resolve("ca.pem"), DemoPki.pem(pki.caCertificate()));
            registrations = registrationsFile(dir, List.of(HOST));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An {@code oauth2.json} in {@code dir} with one registration, at the authorization server, for {@code hosts}. */
    Path registrationsFile(Path dir, List<String> hosts) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve("oauth2.json"), "{\"registrations\": [" + authorization.registrationJson(CLIENT_ID, hosts) + "]}");
    }

    /** The access token every sign-in gets. */
    String token() {
        return authorization.knownAccessToken();
    }

    /** smtp.gmail.com on implicit TLS, offering XOAUTH2 only after TLS, accepting exactly {@code token} for Alice. */
    ScriptedSmtpServer mailServer(String token) {
        return ScriptedSmtpServer.start(mailServerBehaviour(token));
    }

    ServerBehaviour mailServerBehaviour(String token) {
        return ServerBehaviour.builder().implicitTls(pki.issue(HOST).serverContext()).authAfterTls("XOAUTH2").user(ADDRESS, token).build();
    }

    /** Alice's account, no password, one row for {@code server}, the mapping and the extra CA. */
    WizardState state(ScriptedServer server) {
        WizardState s = new WizardState(() -> TrustMaterial.only(List.of(pki.caCertificate())));
        s.addressProperty().set(ADDRESS);
        s.mappingsProperty().set(HOST + ":127.0.0.1");
        s.extraCaProperty().set(caFile);
        s.servers().setAll(new ServerRow(HOST, server.port(), Security.TLS, CandidateSource.USER, true));
        return s;
    }

    SignInSupport support(Path registrationsFile, Browser browser, TokenStore store) {
        return new SignInSupport(SignInRegistrations.read(registrationsFile), browser, () -> store, SignInFlow.DEFAULT_WAIT, Clock.systemUTC());
    }

    /** The browser: follows the sign-in page to the wizard's listener on a thread of its own, as a person's browser would. */
    Browser browser(List<java.net.URI> opened) {
        return url -> {
            opened.add(url);
            Thread t = new Thread(() -> authorization.browse(url), "test-browser");
            t.setDaemon(true);
            t.start();
        };
    }

    /** The decoded responses of the AUTH XOAUTH2 commands {@code server} received (inline or on the next line). */
    static List<String> xoauth2Responses(ScriptedServer server) {
        List<String> lines = server.received().stream().map(ScriptedServer.Received::line).toList();
        List<String> responses = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] words = lines.get(i).split(" ");
            if (words.length >= 2 && words[0].equalsIgnoreCase("AUTH") && words[1].equalsIgnoreCase("XOAUTH2")) {
                String response = words.length > 2 ? words[2] : lines.get(i + 1);
                responses.add(new String(Base64.getDecoder().decode(response), StandardCharsets.UTF_8));
            }
        }
        return responses;
    }

    /** What an XOAUTH2 login of Alice's with {@code token} sends (Google's XOAUTH2 format). */
    static String xoauth2(String token) {
        return "user=" + ADDRESS + "\u0001auth=Bearer " + token + "\u0001\u0001";
    }

    @Override
    public void close() {
        authorization.close();
    }
}
