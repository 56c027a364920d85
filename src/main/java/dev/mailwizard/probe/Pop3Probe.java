package dev.mailwizard.probe;

import dev.mailwizard.model.Outcome;
import dev.mailwizard.model.DisplayText;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.Security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One POP3 probe: greeting, CAPA, STLS, handshake, CAPA after TLS (RFC 2449, RFC 2595). */
final class Pop3Probe extends StoreProbe {
    private static final int MAX_LINES = 200;

    Pop3Probe(Endpoint endpoint, ProbeContext ctx, boolean mayLogin, Deadline deadline, SocketGuard guard, ProbeRecorder rec) {
        super(endpoint, ctx, mayLogin, deadline, guard, rec);
    }

    @Override
    protected Verdict diagnose(LineConnection c) throws IOException, ProbeFailure {
        Outcome certProblem = implicitTlsFirst(c);
        String greeting = greeting(c);
        if (!greeting.startsWith("+OK")) {
            throw new ProbeFailure(Outcome.PROTOCOL_ERROR, greeting.startsWith("-ERR") ? "the server refuses service: " + DisplayText.serverLine(greeting)
                    : "the server's greeting is not POP3: \"" + DisplayText.serverLine(greeting) + "\"");
        }
        enter(endpoint.security() == Security.TLS ? Phase.EHLO_AFTER_TLS : Phase.EHLO);
        List<String> caps = capa(c);
        if (endpoint.security() == Security.TLS) {
            rec.capsAfter = caps;
            rec.authMechanisms = mechanisms(caps);
            return certProblem != null ? certVerdict(certProblem) : afterTls(caps);
        }
        rec.capsBefore = caps;
        if (endpoint.security() == Security.PLAIN) {
            return plainVerdict(chooseMechanism(caps));
        }
        if (!caps.contains("STLS")) {
            throw new ProbeFailure(Outcome.STARTTLS_NOT_OFFERED, "the server's CAPA does not list STLS (it may have been stripped); no password was sent");
        }
        enter(Phase.STARTTLS);
        c.writeLine("STLS");
        String reply = line(c);
        rec.starttlsReply = reply;
        if (!reply.startsWith("+OK")) {
            throw new ProbeFailure(Outcome.STARTTLS_REFUSED, "the server advertised STLS but answered \"" + DisplayText.serverLine(reply) + "\"");
        }
        certProblem = tlsAfterUpgradeOk(c, "STLS");
        enter(Phase.EHLO_AFTER_TLS);
        List<String> after = capa(c);
        rec.capsAfter = after;
        rec.authMechanisms = mechanisms(after);
        return certProblem != null ? certVerdict(certProblem) : afterTls(after);
    }

    private Verdict afterTls(List<String> caps) {
        if (!signsInWithToken()) {
            return afterTls(mechanism(caps), "the server offers neither USER nor SASL PLAIN after TLS");
        }
        return afterTls(chooseMechanism(caps), TokenMechanisms.OAUTHBEARER.equals(TokenMechanisms.pick(mechanisms(caps)))
                ? "the server offers OAuth2 only as OAUTHBEARER, which MailWizard cannot send over POP3 (Jakarta Mail has no SASL"
                + " for POP3); IMAP, if the provider offers it, takes the token"
                : TokenMechanisms.NONE_OFFERED);
    }

    /** For a token only XOAUTH2 (Jakarta Mail's own; OAUTHBEARER would need SASL); for a password, {@link #mechanism}. */
    private String chooseMechanism(List<String> caps) {
        if (!signsInWithToken()) {
            return mechanism(caps);
        }
        return TokenMechanisms.XOAUTH2.equals(TokenMechanisms.pick(mechanisms(caps))) ? TokenMechanisms.XOAUTH2 : null;
    }

    @Override
    protected void farewell(LineConnection c) {
        try {
            if (!deadline.expired()) {
                c.writeLine("QUIT");
                line(c);
            }
        } catch (IOException | ProbeFailure e) {
            // a courtesy
        }
    }

    @Override
    protected void upgradeForDiagnosis(LineConnection c) throws IOException, ProbeFailure {
        String greeting = line(c);
        if (!greeting.startsWith("+OK")) {
            throw new ProbeFailure(Outcome.PROTOCOL_ERROR, "the server greeted with \"" + dev.mailwizard.model.DisplayText.serverLine(greeting) + "\"");
        }
        c.writeLine("STLS");
        String reply = line(c);
        if (!reply.startsWith("+OK")) {
            throw new ProbeFailure(Outcome.PROTOCOL_ERROR, "the server answered STLS with \"" + dev.mailwizard.model.DisplayText.serverLine(reply) + "\"");
        }
    }

    /** CAPA; an -ERR means the server predates RFC 2449 (no capabilities known). */
    private List<String> capa(LineConnection c) throws IOException, ProbeFailure {
        c.writeLine("CAPA");
        String first = line(c);
        List<String> caps = new ArrayList<>();
        if (!first.startsWith("+OK")) {
            return caps;
        }
        for (int i = 0; i < MAX_LINES; i++) {
            String l = line(c);
            if (l.equals(".")) {
                return caps;
            }
            caps.add(l.strip().toUpperCase(Locale.ROOT));
        }
        throw new ProbeFailure(Outcome.PROTOCOL_ERROR, "the server's CAPA list did not end");
    }

    static List<String> mechanisms(List<String> caps) {
        List<String> out = new ArrayList<>();
        for (String cap : caps) {
            if (cap.startsWith("SASL ")) {
                for (String m : cap.substring(5).trim().split("\\s+")) {
                    out.add(m);
                }
            }
        }
        if (caps.contains("USER")) {
            out.add("USER");
        }
        return out;
    }

    static String mechanism(List<String> caps) {
        List<String> m = mechanisms(caps);
        return m.contains("USER") ? "USER" : m.contains("PLAIN") ? "PLAIN" : null;
    }
}
