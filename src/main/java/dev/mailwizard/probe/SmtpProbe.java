package dev.mailwizard.probe;

import dev.mailwizard.model.Credentials;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.Security;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * One SMTP probe: our own strict dialogue for the diagnosis (greeting, EHLO, STARTTLS, handshake,
 * certificate, EHLO after TLS), then, only when everything is safe, the login through Jakarta Mail.
 * {@link #run()} is the single place where exceptions become an {@link Outcome}.
 */
final class SmtpProbe {
    /** Mechanisms that Jakarta Mail can do with a password, in the order we prefer them. */
    static final List<String> PASSWORD_MECHANISMS = List.of("PLAIN", "LOGIN", "DIGEST-MD5", "NTLM");
    private static final Pattern REPLY_LINE = Pattern.compile("(\\d{3})(?:([ -])(.*))?");
    private static final int MAX_REPLY_LINES = 100;

    private final Endpoint endpoint;
    private final ProbeContext ctx;
    private final boolean mayLogin;
    private final Deadline deadline;
    private final SocketGuard guard;
    private final ProbeRecorder rec;

    SmtpProbe(Endpoint endpoint, ProbeContext ctx, boolean mayLogin, Deadline deadline, SocketGuard guard, ProbeRecorder rec) {
        this.endpoint = endpoint;
        this.ctx = ctx;
        this.mayLogin = mayLogin;
        this.deadline = deadline;
        this.guard = guard;
        this.rec = rec;
    }

    ProbeResult run() {
        LineConnection connection = null;
        try {
            connection = connect();
            Verdict v = endpoint.security() == Security.TLS ? implicitTls(connection) : plainStart(connection);
            quit(connection);
            connection.close();
            Verdict finalVerdict = login(v);
            return rec.finish(finalVerdict.outcome, finalVerdict.detail);
        } catch (ProbeFailure f) {
            return rec.finish(f.outcome(), f.getMessage());
        } catch (Exception e) {
            return classify(e, connection);
        } finally {
            ctx.gate().diagnosed(endpoint);
            if (connection != null) {
                connection.close();
            }
            guard.close();
        }
    }

    private record Verdict(Outcome outcome, String detail, String mechanism) {
    }

    private void enter(Phase phase) {
        rec.enter(phase);
        ctx.listener().phase(endpoint, phase);
    }

    private LineConnection connect() throws IOException, ProbeFailure {
        enter(Phase.RESOLVE);
        InetAddress[] addresses;
        try {
            addresses = ctx.resolver().resolve(endpoint.host());
        } catch (UnknownHostException e) {
            throw new ProbeFailure(Outcome.UNRESOLVED, "the name " + endpoint.host() + " does not resolve in DNS");
        }
        rec.resolveMs = rec.phaseMillis();
        enter(Phase.CONNECT);
        IOException last = null;
        for (InetAddress address : addresses) {
            rec.address = address.getHostAddress();
            try {
                LineConnection c = LineConnection.connect(new InetSocketAddress(address, endpoint.port()), deadline, rec.transcript, guard);
                rec.connectMs = rec.phaseMillis();
                rec.ehloName = c.localAddressLiteral();
                rec.transcript.note("connected to " + address.getHostAddress() + ":" + endpoint.port());
                return c;
            } catch (ConnectException | NoRouteToHostException e) {
                last = e; // try the next address of the name
            }
        }
        throw last;
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
            rec.warn("this connection is not encrypted: a password and your mail would cross the network readable");
            return new Verdict(Outcome.PLAIN_OK, "the server answers without encryption", pickMechanism(authBefore));
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
        if (c.unreadBytes() > 0) {
            throw new ProbeFailure(Outcome.PROTOCOL_ERROR, "the server sent more data right after agreeing to STARTTLS"
                    + " (a command-injection pattern, CVE-2011-0411 style); the connection was abandoned");
        }
        enter(Phase.TLS);
        Outcome certProblem = handshake(c, Outcome.PROTOCOL_ERROR);
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
        String mechanism = pickMechanism(rec.authMechanisms);
        if (mechanism == null && ctx.options().credentials() != null) {
            return new Verdict(Outcome.LOGIN_UNAVAILABLE, "the server offers only " + String.join(" ", rec.authMechanisms)
                    + ", which MailWizard cannot check (it tests PLAIN, LOGIN, DIGEST-MD5 and NTLM)", null);
        }
        CertificateReport cert = rec.tls.certificate();
        String how = cert.pinned() && !(cert.trusted() && cert.hostnameMatches() && !cert.expired())
                ? "accepted by your pin (not verified)" : "verified";
        return new Verdict(Outcome.OK, "encrypted (" + rec.tls.protocol() + "), certificate " + how + ", login offered ("
                + String.join(" ", rec.authMechanisms) + ")", mechanism);
    }

    private Verdict certVerdict(Outcome problem) {
        CertificateReport cert = rec.tls.certificate();
        String detail = switch (problem) {
            case CERT_UNTRUSTED -> "the certificate is not trusted: " + cert.trustProblem() + " (issuer " + cert.issuer() + ")";
            case CERT_EXPIRED -> "the certificate is valid only from " + cert.notBefore() + " to " + cert.notAfter();
            case CERT_HOSTNAME_MISMATCH -> "the certificate is for " + String.join(", ", cert.subjectAltNames().isEmpty()
                    ? List.of(cert.subject()) : cert.subjectAltNames()) + ", not for " + endpoint.host();
            default -> problem.meaning();
        };
        return new Verdict(problem, detail + "; no password was sent", null);
    }

    /** Runs the TLS handshake and judges the certificate; returns the certificate problem or null. */
    private Outcome handshake(LineConnection c, Outcome whenPlainText) throws IOException, ProbeFailure {
        long t = System.nanoTime();
        CapturingTrustManager capture = new CapturingTrustManager();
        SSLSocket tls;
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[]{capture}, null);
            tls = c.startTls(context.getSocketFactory(), endpoint.host(), endpoint.port());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this Java runtime", e);
        } catch (SSLException e) {
            if (guard.fired() || guard.cancelled()) {
                throw e;
            }
            if (c.rawSocket().tappedLooksLikeText()) {
                String text = new String(c.rawSocket().tapped(), java.nio.charset.StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
                rec.transcript.server(text);
                throw new ProbeFailure(whenPlainText, whenPlainText == Outcome.NOT_TLS
                        ? "the server answered in plain text (\"" + Transcript.printable(text) + "\") where a TLS handshake was expected; this port wants STARTTLS or is not a mail-over-TLS port"
                        : "the server sent plain text (\"" + Transcript.printable(text) + "\") where the TLS handshake should start: injected data; connection abandoned");
            }
            throw new ProbeFailure(Outcome.TLS_HANDSHAKE_FAILED, "the TLS handshake failed: " + handshakeReason(e));
        }
        rec.tlsMs = millisSince(t);
        SSLSession session = tls.getSession();
        List<java.security.cert.X509Certificate> chain = capture.chain();
        if (chain.isEmpty()) {
            throw new ProbeFailure(Outcome.TLS_HANDSHAKE_FAILED, "the server presented no certificate");
        }
        CertificateReport cert = ctx.trust().inspect(chain, endpoint.host(), Instant.now());
        rec.tls = new TlsDetails(session.getProtocol(), session.getCipherSuite(), cert);
        rec.transcript.note("TLS established: " + session.getProtocol() + " " + session.getCipherSuite()
                + "; certificate " + cert.subject() + " issued by " + cert.issuer());
        if (cert.daysLeft() >= 0 && cert.daysLeft() < 14 && !cert.expired()) {
            rec.warn("the certificate expires in " + cert.daysLeft() + " days");
        }
        if (cert.pinned()) {
            if (!cert.trusted() || cert.expired() || !cert.hostnameMatches()) {
                rec.warn("the certificate was accepted because you pinned its fingerprint; it is NOT verified by a certificate authority");
            }
            return null;
        }
        if (!cert.trusted()) {
            return Outcome.CERT_UNTRUSTED;
        }
        if (cert.expired()) {
            return Outcome.CERT_EXPIRED;
        }
        if (!cert.hostnameMatches()) {
            return Outcome.CERT_HOSTNAME_MISMATCH;
        }
        return null;
    }

    private static String handshakeReason(SSLException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("protocol_version") || m.contains("No appropriate protocol")) {
            return "the server supports no TLS version MailWizard accepts (TLS 1.2 or newer); it likely offers only TLS 1.0/1.1";
        }
        if (m.contains("handshake_failure") || m.contains("no cipher suites")) {
            return "no common cipher suite (" + m + ")";
        }
        if (m.contains("Unsupported or unrecognized SSL message")) {
            return "the server's answer is not TLS";
        }
        return m;
    }

    private void greeting(LineConnection c) throws IOException, ProbeFailure {
        long t = System.nanoTime();
        Reply greet = readReply(c);
        rec.greetingMs = millisSince(t);
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
                        + Transcript.printable(line.length() > 80 ? line.substring(0, 80) + "..." : line) + "\"");
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

    private Verdict login(Verdict diagnosis) {
        Credentials credentials = ctx.options().credentials();
        if (credentials == null) {
            return diagnosis;
        }
        boolean plain = diagnosis.outcome == Outcome.PLAIN_OK;
        if (diagnosis.outcome != Outcome.OK && !plain) {
            rec.login = LoginReport.notAttempted("not tried: " + diagnosis.outcome.meaning());
            return diagnosis;
        }
        if (plain && !ctx.options().allowPlainAuth()) {
            rec.login = LoginReport.notAttempted("not tried: MailWizard never sends a password without encryption (unless --allow-plain-auth)");
            return diagnosis;
        }
        if (diagnosis.mechanism == null) {
            rec.login = LoginReport.notAttempted("not tried: the server offers no password login here");
            return diagnosis;
        }
        if (!mayLogin) {
            rec.login = LoginReport.notAttempted("not tried: this server was not typed or confirmed by you");
            return diagnosis;
        }
        String where = "port " + endpoint.port() + " (" + endpoint.security().label() + ")";
        ctx.gate().ready(endpoint, endpoint.host() + " " + where);
        try {
            ctx.gate().awaitBetterPorts(endpoint, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Verdict(Outcome.SKIPPED, "cancelled before the login", null);
        }
        Optional<String> refusal = ctx.gate().claim(endpoint, rec.address, endpoint.host() + " " + where);
        if (refusal.isPresent()) {
            rec.login = LoginReport.notAttempted(refusal.get());
            return diagnosis;
        }
        enter(Phase.LOGIN);
        var session = ctx.sessions().smtpSession(endpoint, rec.address, diagnosis.mechanism, rec.ehloName, deadline, guard);
        LoginAttempt attempt = SmtpLogin.attempt(session, endpoint, credentials, diagnosis.mechanism,
                ctx.options().fromAddress() != null ? ctx.options().fromAddress() : credentials.username(),
                ctx.options().sendTestTo(), rec.transcript);
        rec.loginMs = rec.phaseMillis();
        if (attempt instanceof LoginAttempt.Accepted a) {
            rec.credentialsSent = true;
            rec.testMessage = a.testMessage();
            if (a.testMessage() != null && !a.testMessage().accepted()) {
                rec.warn("the test message to " + a.testMessage().to() + " was not accepted: " + a.testMessage().reply());
            }
            rec.login = new LoginReport(true, a.mechanism(), LoginStatus.OK, a.reply(), "the server accepted the login");
            if (plain) {
                rec.warn("the password was sent WITHOUT encryption because you allowed it (--allow-plain-auth)");
            }
            return new Verdict(diagnosis.outcome, diagnosis.detail + "; login accepted", a.mechanism());
        }
        if (attempt instanceof LoginAttempt.Rejected r) {
            rec.credentialsSent = true;
            ctx.gate().rejected(endpoint.host() + " " + where);
            rec.login = new LoginReport(true, r.mechanism(), LoginStatus.REJECTED, r.reply(),
                    "the server refused the login; MailWizard does not retry, so the account does not lock");
            boolean temporary = r.reply().startsWith("4");
            return new Verdict(Outcome.LOGIN_REJECTED, "the server answered the login with \"" + r.reply() + "\"; nothing was retried"
                    + (temporary ? " (a temporary failure: the server could not check the password now; try again later)" : ""), r.mechanism());
        }
        LoginAttempt.Failed f = (LoginAttempt.Failed) attempt;
        if (guard.cancelled()) {
            return new Verdict(Outcome.SKIPPED, "cancelled during the login", null);
        }
        rec.login = new LoginReport(true, diagnosis.mechanism, LoginStatus.NOT_ATTEMPTED, null,
                "the login connection failed before the server judged the password: " + f.detail());
        return new Verdict(guard.fired() ? Outcome.TIMEOUT : f.outcome(), f.detail(), null);
    }

    private ProbeResult classify(Exception e, LineConnection c) {
        String during = phaseWords(rec.phase());
        if (guard.cancelled()) {
            return rec.finish(Outcome.SKIPPED, "cancelled during " + during);
        }
        if (guard.fired() || deadline.expired() || e instanceof SocketTimeoutException) {
            return rec.finish(Outcome.TIMEOUT, "no answer within " + ctx.options().timeout().toSeconds() + " s (stuck during " + during + ")");
        }
        if (e instanceof UnknownHostException) {
            return rec.finish(Outcome.UNRESOLVED, "the name " + endpoint.host() + " does not resolve in DNS");
        }
        if (e instanceof ConnectException) {
            return rec.finish(Outcome.REFUSED, "the connection to port " + endpoint.port() + " was refused (nothing listens there, or a firewall rejects it)");
        }
        if (e instanceof NoRouteToHostException) {
            return rec.finish(Outcome.REFUSED, "no route to the server (network unreachable)");
        }
        if (e instanceof LineConnection.LineTooLongException) {
            return rec.finish(Outcome.PROTOCOL_ERROR, "the server sent an over-long line during " + during);
        }
        if (e instanceof SSLException ssl) {
            return rec.finish(Outcome.TLS_HANDSHAKE_FAILED, "TLS failed during " + during + ": " + handshakeReason(ssl));
        }
        if (e instanceof SocketException) {
            return rec.finish(Outcome.REFUSED, "the server reset the connection during " + during);
        }
        if (e instanceof IOException) {
            return rec.finish(Outcome.REFUSED, "the connection failed during " + during + ": " + e.getMessage());
        }
        return rec.finish(Outcome.PROTOCOL_ERROR, "unexpected failure during " + during + ": " + e);
    }

    static String phaseWords(Phase phase) {
        return switch (phase) {
            case RESOLVE -> "the DNS look-up";
            case CONNECT -> "the connection set-up";
            case GREETING -> "the greeting";
            case EHLO -> "EHLO";
            case STARTTLS -> "STARTTLS";
            case TLS -> "the TLS handshake";
            case EHLO_AFTER_TLS -> "EHLO after TLS";
            case LOGIN -> "the login";
            case SEND_TEST -> "the test message";
            case DONE -> "the end";
        };
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

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000L;
    }
}
