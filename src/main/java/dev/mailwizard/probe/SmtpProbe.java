package dev.mailwizard.probe;

import dev.mailwizard.model.Outcome;
import dev.mailwizard.model.Credentials;
import dev.mailwizard.model.DisplayText;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.Security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SMTP probe: our own strict dialogue for the diagnosis (greeting, EHLO, STARTTLS, handshake,
 * certificate, EHLO after TLS); the login through Jakarta Mail. The frame is {@link MailProbe}.
 */
final class SmtpProbe extends MailProbe {
    /** Mechanisms that Jakarta Mail can do with a password, in the order we prefer them. */
    static final List<String> PASSWORD_MECHANISMS = List.of("PLAIN", "LOGIN", "DIGEST-MD5", "NTLM");
    private static final Pattern REPLY_LINE = Pattern.compile("(\\d{3})(?:([ -])(.*))?");
    private static final int MAX_REPLY_LINES = 100;

    SmtpProbe(Endpoint endpoint, ProbeContext ctx, boolean mayLogin, Deadline deadline, SocketGuard guard, ProbeRecorder rec) {
        super(endpoint, ctx, mayLogin, deadline, guard, rec);
    }

    @Override
    protected Verdict diagnose(LineConnection c) throws IOException, ProbeFailure {
        return endpoint.security() == Security.TLS ? implicitTls(c) : plainStart(c);
    }

    @Override
    protected void farewell(LineConnection c) {
        quit(c);
    }

    @Override
    protected void upgradeForDiagnosis(LineConnection c) throws IOException, ProbeFailure {
        expect(readReply(c), 220, "greeting");
        c.writeLine("EHLO " + c.localAddressLiteral());
        expect(readReply(c), 250, "EHLO");
        c.writeLine("STARTTLS");
        expect(readReply(c), 220, "STARTTLS");
    }

    private static void expect(Reply reply, int code, String to) throws ProbeFailure {
        if (reply.code() != code) {
            throw new ProbeFailure(Outcome.PROTOCOL_ERROR, "the server answered " + to + " with " + reply.summary());
        }
    }

    @Override
    protected LoginAttempt attemptLogin(Credentials credentials, String mechanism, CredentialWatch watch) {
        TokenSaslLogin token = signsInWithToken() ? TokenSaslLogin.smtp(mechanism, endpoint) : null;
        var session = ctx.sessions().smtpSession(endpoint, rec.address, mechanism, rec.ehloName, deadline, guard, watch, token);
        return SmtpLogin.attempt(session, endpoint, credentials, mechanism,
                ctx.options().fromAddress() != null ? ctx.options().fromAddress() : credentials.username(),
                ctx.options().sendTestTo(), rec.transcript, token);
    }

    private Verdict implicitTls(LineConnection c) throws IOException, ProbeFailure {
        enter(Phase.TLS);
        Outcome certProblem = handshake(c, Outcome.NOT_TLS);
        enter(Phase.GREETING);
        greeting(c);
        enter(Phase.EHLO_AFTER_TLS);
        long t = System.nanoTime();
        Reply ehlo = ehlo(c);
        rec.ehloMs = millisSince(t);
        if (certProblem != null) {
            rec.capsAfter = capabilities(ehlo);
            rec.authMechanisms = authMechanisms(rec.capsAfter);
            return certVerdict(certProblem);
        }
        if (ehlo.code() != 250) {
            throw new ProbeFailure(Outcome.PROTOCOL_ERROR, "the server refused EHLO: " + ehlo.summary());
        }
        rec.capsAfter = capabilities(ehlo);
        return afterTls(List.of());
    }

    private Verdict plainStart(LineConnection c) throws IOException, ProbeFailure {
        enter(Phase.GREETING);
        greeting(c);
        enter(Phase.EHLO);
        long t = System.nanoTime();
        Reply ehlo = ehlo(c);
        rec.ehloMs = millisSince(t);
        if (ehlo.code() != 250) {
            throw new ProbeFailure(Outcome.PROTOCOL_ERROR, "the server refused EHLO: " + ehlo.summary());
        }
        rec.capsBefore = capabilities(ehlo);
        List<String> authBefore = authMechanisms(rec.capsBefore);
        if (endpoint.security() == Security.PLAIN) {
            rec.authMechanisms = authBefore;
            return plainVerdict(chooseMechanism(authBefore));
        }
        if (!authBefore.isEmpty()) {
            rec.warn("the server offers login (AUTH " + String.join(" ", authBefore) + ") before encryption; MailWizard never uses it there");
        }
        if (!hasKeyword(rec.capsBefore, "STARTTLS")) {
            throw new ProbeFailure(Outcome.STARTTLS_NOT_OFFERED,
                    "the server's EHLO reply does not list STARTTLS, so this port cannot be encrypted"
                            + " (a firewall or attacker may have removed it); no password was sent");
        }
        enter(Phase.STARTTLS);
        c.writeLine("STARTTLS");
        Reply reply = readReply(c);
        rec.starttlsReply = reply.summary();
        if (reply.code() != 220) {
            throw new ProbeFailure(Outcome.STARTTLS_REFUSED, "the server advertised STARTTLS but answered " + reply.summary());
        }
        Outcome certProblem = tlsAfterUpgradeOk(c, "STARTTLS");
        enter(Phase.EHLO_AFTER_TLS);
        long t2 = System.nanoTime();
        Reply ehlo2 = ehlo(c);
        rec.ehloMs = rec.ehloMs + millisSince(t2);
        if (certProblem != null) {
            rec.capsAfter = ehlo2.code() == 250 ? capabilities(ehlo2) : null;
            rec.authMechanisms = authMechanisms(rec.capsAfter);
            return certVerdict(certProblem);
        }
        if (ehlo2.code() != 250) {
            throw new ProbeFailure(Outcome.PROTOCOL_ERROR, "the server refused EHLO after STARTTLS: " + ehlo2.summary());
        }
        rec.capsAfter = capabilities(ehlo2);
        if (hasKeyword(rec.capsAfter, "STARTTLS")) {
            rec.warn("the server still offers STARTTLS inside TLS");
        }
        return afterTls(authBefore);
    }

    private Verdict afterTls(List<String> authBefore) {
        rec.authMechanisms = authMechanisms(rec.capsAfter);
        if (rec.authMechanisms.isEmpty()) {
            if (!authBefore.isEmpty()) {
                rec.warn("login was offered only before encryption: a misconfiguration or tampering");
                return new Verdict(Outcome.LOGIN_UNAVAILABLE,
                        "the server offered login only before encryption, none after TLS", null);
            }
            return new Verdict(Outcome.LOGIN_UNAVAILABLE,
                    "no AUTH in the server's EHLO reply after TLS"
                            + (endpoint.port() == 25 ? "; port 25 usually takes mail from other servers only" : ""), null);
        }
        String mechanism = chooseMechanism(rec.authMechanisms);
        if (mechanism == null && signsInWithToken()) {
            return new Verdict(Outcome.LOGIN_UNAVAILABLE, "encrypted and verified, but " + TokenMechanisms.NONE_OFFERED
                    + " (it offers " + String.join(" ", rec.authMechanisms) + ")", null);
        }
        if (mechanism == null && ctx.options().credentials() != null) {
            return new Verdict(Outcome.LOGIN_UNAVAILABLE, "the server offers only " + String.join(" ", rec.authMechanisms)
                    + ", which MailWizard cannot check (it tests PLAIN, LOGIN, DIGEST-MD5 and NTLM)", null);
        }
        return new Verdict(Outcome.OK, "encrypted (" + rec.tls.protocol() + "), certificate " + certificateWords() + ", login offered ("
                + String.join(" ", rec.authMechanisms) + ")", mechanism);
    }

    private void greeting(LineConnection c) throws IOException, ProbeFailure {
        long t = System.nanoTime();
        Reply greet = readReply(c);
        rec.greetingMs = millisSince(t);
        greeted();
        rec.banner = String.join(" / ", greet.lines().isEmpty() ? List.of("") : List.of(greet.code() + " " + greet.firstLine()));
        if (greet.code() != 220) {
            throw new ProbeFailure(Outcome.PROTOCOL_ERROR, "the server greeted with " + greet.summary()
                    + (greet.code() >= 400 ? " (it does not accept connections from here now)" : " instead of 220"));
        }
    }

    private Reply ehlo(LineConnection c) throws IOException, ProbeFailure {
        c.writeLine("EHLO " + c.localAddressLiteral());
        return readReply(c);
    }

    private void quit(LineConnection c) {
        try {
            if (!deadline.expired()) {
                c.writeLine("QUIT");
                Reply r = readReply(c);
                if (r.code() != 221) {
                    rec.transcript.note("unexpected reply to QUIT");
                }
            }
        } catch (IOException | ProbeFailure e) {
            // QUIT is a courtesy; the verdict is already made
        }
    }

    private Reply readReply(LineConnection c) throws IOException, ProbeFailure {
        List<String> texts = new ArrayList<>();
        int code = -1;
        for (int i = 0; i < MAX_REPLY_LINES; i++) {
            String line = c.readLine();
            if (line == null) {
                throw new ProbeFailure(rec.phase() == Phase.GREETING && rec.banner == null ? Outcome.REFUSED : Outcome.PROTOCOL_ERROR,
                        "the server closed the connection " + (rec.banner == null ? "without a greeting" : "during " + phaseWords(rec.phase())));
            }
            rec.transcript.server(line);
            Matcher m = REPLY_LINE.matcher(line);
            if (!m.matches()) {
                throw new ProbeFailure(Outcome.PROTOCOL_ERROR, "the server sent a line that is not an SMTP reply: \""
                        + DisplayText.escape(line.length() > 80 ? line.substring(0, 80) + "..." : line) + "\"");
            }
            int lineCode = Integer.parseInt(m.group(1));
            if (code >= 0 && lineCode != code) {
                throw new ProbeFailure(Outcome.PROTOCOL_ERROR, "the server mixed reply codes " + code + " and " + lineCode + " in one reply");
            }
            code = lineCode;
            texts.add(m.group(3) == null ? "" : m.group(3));
            if (!"-".equals(m.group(2))) {
                return new Reply(code, texts);
            }
        }
        throw new ProbeFailure(Outcome.PROTOCOL_ERROR, "the server sent a reply of more than " + MAX_REPLY_LINES + " lines");
    }

    static List<String> capabilities(Reply ehlo) {
        return ehlo.lines().size() <= 1 ? List.of() : List.copyOf(ehlo.lines().subList(1, ehlo.lines().size()));
    }

    static boolean hasKeyword(List<String> caps, String keyword) {
        return caps != null && caps.stream().anyMatch(c -> c.strip().split("[ =]", 2)[0].equalsIgnoreCase(keyword));
    }

    static List<String> authMechanisms(List<String> caps) {
        List<String> out = new ArrayList<>();
        if (caps == null) {
            return out;
        }
        for (String cap : caps) {
            String c = cap.strip();
            if (c.regionMatches(true, 0, "AUTH", 0, 4) && c.length() > 4 && (c.charAt(4) == ' ' || c.charAt(4) == '=')) {
                for (String m : c.substring(5).trim().split("\\s+")) {
                    String mech = m.toUpperCase(Locale.ROOT);
                    if (!mech.isEmpty() && !out.contains(mech)) {
                        out.add(mech);
                    }
                }
            }
        }
        return out;
    }

    static String pickMechanism(List<String> offered) {
        return PASSWORD_MECHANISMS.stream().filter(offered::contains).findFirst().orElse(null);
    }

    /** The mechanism for this run's secret: a password mechanism, or XOAUTH2/OAUTHBEARER for a token. */
    private String chooseMechanism(List<String> offered) {
        return signsInWithToken() ? TokenMechanisms.pick(offered) : pickMechanism(offered);
    }


}
