package dev.mailwizard.probe;

import dev.mailwizard.model.Outcome;
import dev.mailwizard.model.DisplayText;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.Security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One IMAP probe: greeting, CAPABILITY, STARTTLS, handshake, CAPABILITY after TLS, with the
 * IMAP traps: a PREAUTH greeting on a connection that should be upgraded (already logged in in
 * clear: never secure), LOGINDISABLED, data injected after the STARTTLS OK.
 */
final class ImapProbe extends StoreProbe {
    private static final int MAX_LINES = 200;
    private int tag;

    ImapProbe(Endpoint endpoint, ProbeContext ctx, boolean mayLogin, Deadline deadline, SocketGuard guard, ProbeRecorder rec) {
        super(endpoint, ctx, mayLogin, deadline, guard, rec);
    }

    @Override
    protected Verdict diagnose(LineConnection c) throws IOException, ProbeFailure {
        Outcome certProblem = implicitTlsFirst(c);
        String greeting = greeting(c);
        String upper = greeting.toUpperCase(Locale.ROOT);
        boolean preauth = upper.startsWith("* PREAUTH");
        if (upper.startsWith("* BYE")) {
            throw new ProbeFailure(Outcome.PROTOCOL_ERROR, "the server said goodbye at once: " + DisplayText.serverLine(greeting));
        }
        if (!upper.startsWith("* OK") && !preauth) {
            throw new ProbeFailure(Outcome.PROTOCOL_ERROR, "the server's greeting is not IMAP: \"" + DisplayText.serverLine(greeting) + "\"");
        }
        enter(endpoint.security() == Security.TLS ? Phase.EHLO_AFTER_TLS : Phase.EHLO);
        List<String> caps = capability(c);
        if (endpoint.security() == Security.TLS) {
            rec.capsAfter = caps;
            rec.authMechanisms = mechanisms(caps);
            if (certProblem != null) {
                return certVerdict(certProblem);
            }
            return afterTls(caps);
        }
        rec.capsBefore = caps;
        if (endpoint.security() == Security.PLAIN) {
            return plainVerdict(chooseMechanism(caps));
        }
        if (preauth) {
            throw new ProbeFailure(Outcome.STARTTLS_NOT_OFFERED, "the server greeted with PREAUTH: the session is already logged in without"
                    + " encryption, so it cannot be upgraded with STARTTLS; not secure, no password was sent");
        }
        if (!caps.contains("STARTTLS")) {
            throw new ProbeFailure(Outcome.STARTTLS_NOT_OFFERED, "the server's CAPABILITY does not list STARTTLS (it may have been stripped); no password was sent");
        }
        if (!caps.contains("LOGINDISABLED")) {
            rec.warn("the server allows LOGIN before encryption (no LOGINDISABLED); MailWizard never uses it there");
        }
        enter(Phase.STARTTLS);
        String starttlsTag = nextTag();
        c.writeLine(starttlsTag + " STARTTLS");
        String reply = tagged(c, starttlsTag, null);
        rec.starttlsReply = reply;
        if (!reply.toUpperCase(Locale.ROOT).startsWith(starttlsTag.toUpperCase(Locale.ROOT) + " OK")) {
            throw new ProbeFailure(Outcome.STARTTLS_REFUSED, "the server advertised STARTTLS but answered \"" + DisplayText.serverLine(reply) + "\"");
        }
        certProblem = tlsAfterUpgradeOk(c, "STARTTLS");
        enter(Phase.EHLO_AFTER_TLS);
        List<String> after = capability(c);
        rec.capsAfter = after;
        rec.authMechanisms = mechanisms(after);
        if (certProblem != null) {
            return certVerdict(certProblem);
        }
        if (after.contains("STARTTLS")) {
            rec.warn("the server still offers STARTTLS inside TLS");
        }
        return afterTls(after);
    }

    private Verdict afterTls(List<String> caps) {
        return afterTls(chooseMechanism(caps), signsInWithToken() ? TokenMechanisms.NONE_OFFERED : "LOGINDISABLED and no usable AUTH= after TLS");
    }

    /** For a token, XOAUTH2 or OAUTHBEARER from the AUTH= list; for a password, {@link #mechanism}. */
    private String chooseMechanism(List<String> caps) {
        return signsInWithToken() ? TokenMechanisms.pick(mechanisms(caps)) : mechanism(caps);
    }

    @Override
    protected void farewell(LineConnection c) {
        try {
            if (!deadline.expired()) {
                String t = nextTag();
                c.writeLine(t + " LOGOUT");
                tagged(c, t, null);
            }
        } catch (IOException | ProbeFailure e) {
            // a courtesy
        }
    }

    @Override
    protected void upgradeForDiagnosis(LineConnection c) throws IOException, ProbeFailure {
        String greeting = line(c);
        if (!greeting.toUpperCase(Locale.ROOT).startsWith("* OK")) {
            throw new ProbeFailure(Outcome.PROTOCOL_ERROR, "the server greeted with \"" + DisplayText.serverLine(greeting) + "\"");
        }
        String t = nextTag();
        c.writeLine(t + " STARTTLS");
        String reply = tagged(c, t, null);
        if (!reply.toUpperCase(Locale.ROOT).startsWith(t.toUpperCase(Locale.ROOT) + " OK")) {
            throw new ProbeFailure(Outcome.PROTOCOL_ERROR, "the server answered STARTTLS with \"" + DisplayText.serverLine(reply) + "\"");
        }
    }

    private String nextTag() {
        return "a" + (++tag);
    }

    /** Sends CAPABILITY and returns the capabilities in upper case. */
    private List<String> capability(LineConnection c) throws IOException, ProbeFailure {
        String t = nextTag();
        c.writeLine(t + " CAPABILITY");
        List<String> caps = new ArrayList<>();
        String done = tagged(c, t, caps);
        if (!done.toUpperCase(Locale.ROOT).startsWith(t.toUpperCase(Locale.ROOT) + " OK")) {
            throw new ProbeFailure(Outcome.PROTOCOL_ERROR, "the server refused CAPABILITY: \"" + DisplayText.serverLine(done) + "\"");
        }
        return caps;
    }

    /** Reads until the tagged reply; collects "* CAPABILITY" words into {@code caps} when given. */
    private String tagged(LineConnection c, String t, List<String> caps) throws IOException, ProbeFailure {
        for (int i = 0; i < MAX_LINES; i++) {
            String l = line(c);
            String upper = l.toUpperCase(Locale.ROOT);
            if (upper.startsWith("* CAPABILITY ") && caps != null) {
                for (String word : l.substring(13).trim().split("\\s+")) {
                    caps.add(word.toUpperCase(Locale.ROOT));
                }
            } else if (upper.startsWith(t.toUpperCase(Locale.ROOT) + " ")) {
                return l;
            } else if (!l.startsWith("* ") && !l.startsWith("+")) {
                throw new ProbeFailure(Outcome.PROTOCOL_ERROR, "the server sent a line that is not IMAP: \"" + DisplayText.serverLine(l) + "\"");
            }
        }
        throw new ProbeFailure(Outcome.PROTOCOL_ERROR, "the server sent more than " + MAX_LINES + " lines without finishing its reply");
    }

    static List<String> mechanisms(List<String> caps) {
        List<String> out = new ArrayList<>();
        for (String cap : caps) {
            if (cap.startsWith("AUTH=")) {
                out.add(cap.substring(5));
            }
        }
        return out;
    }

    /** PLAIN when offered; else the IMAP LOGIN command unless LOGINDISABLED; else none. */
    static String mechanism(List<String> caps) {
        List<String> auth = mechanisms(caps);
        if (auth.contains("PLAIN")) {
            return "PLAIN";
        }
        if (!caps.contains("LOGINDISABLED")) {
            return "LOGIN";
        }
        return auth.contains("LOGIN") ? "LOGIN" : null;
    }
}
