package dev.mailwizard.probe;

import dev.mailwizard.model.Credentials;
import dev.mailwizard.model.Endpoint;

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
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * What every probe does whatever the protocol: resolve and connect within the deadline, run the
 * protocol's own diagnosis dialogue, judge the TLS certificate, then (only when everything is
 * safe, once per server) check the login. {@link #run()} is the single place where exceptions
 * become an {@link Outcome}; subclasses speak SMTP, IMAP or POP3.
 */
abstract class MailProbe {
    protected final Endpoint endpoint;
    protected final ProbeContext ctx;
    protected final boolean mayLogin;
    protected final Deadline deadline;
    protected final SocketGuard guard;
    protected final ProbeRecorder rec;

    MailProbe(Endpoint endpoint, ProbeContext ctx, boolean mayLogin, Deadline deadline, SocketGuard guard, ProbeRecorder rec) {
        this.endpoint = endpoint;
        this.ctx = ctx;
        this.mayLogin = mayLogin;
        this.deadline = deadline;
        this.guard = guard;
        this.rec = rec;
    }

    /** The protocol dialogue on a fresh connection: greeting, capabilities, STARTTLS, TLS. Never sends credentials. */
    protected abstract Verdict diagnose(LineConnection c) throws IOException, ProbeFailure;

    /** A polite goodbye (QUIT, LOGOUT); errors are ignored. */
    protected abstract void farewell(LineConnection c);

    /** The one login attempt, through Jakarta Mail, on a new connection. */
    protected abstract LoginAttempt attemptLogin(Credentials credentials, String mechanism);

    final ProbeResult run() {
        LineConnection connection = null;
        try {
            connection = connect();
            Verdict v = diagnose(connection);
            farewell(connection);
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

    protected record Verdict(Outcome outcome, String detail, String mechanism) {
    }

    protected void enter(Phase phase) {
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

    /** After the OK to STARTTLS/STLS: no byte may be waiting (rule 3), then the handshake. */
    protected Outcome tlsAfterUpgradeOk(LineConnection c, String command) throws IOException, ProbeFailure {
        if (c.unreadBytes() > 0) {
            throw new ProbeFailure(Outcome.PROTOCOL_ERROR, "the server sent more data right after agreeing to " + command
                    + " (a command-injection pattern, CVE-2011-0411 style); the connection was abandoned");
        }
        enter(Phase.TLS);
        return handshake(c, Outcome.PROTOCOL_ERROR);
    }

    /** A plain connection that works: PLAIN_OK, with the warning every plain probe carries. */
    protected Verdict plainVerdict(String mechanism) {
        rec.warn("this connection is not encrypted: a password and your mail would cross the network readable");
        return new Verdict(Outcome.PLAIN_OK, "the server answers without encryption", mechanism);
    }

    /** "verified", or "accepted by your pin" when only the user's pin makes it acceptable. */
    protected String certificateWords() {
        CertificateReport cert = rec.tls.certificate();
        return cert.pinned() && !(cert.trusted() && cert.hostnameMatches() && !cert.expired())
                ? "accepted by your pin (not verified)" : "verified";
    }

    protected Verdict certVerdict(Outcome problem) {
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
    protected Outcome handshake(LineConnection c, Outcome whenPlainText) throws IOException, ProbeFailure {
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
            if (c.rawSocket().tapped().length == 0 && endedWithoutAWord(e)) {
                // Not one byte came back: the port is open but the server reset or closed at once.
                throw new ProbeFailure(Outcome.REFUSED, "the server reset or closed the connection before answering the TLS handshake");
            }
            throw new ProbeFailure(Outcome.TLS_HANDSHAKE_FAILED, "the TLS handshake failed: " + handshakeReason(e));
        } catch (java.net.SocketException e) {
            if (guard.fired() || guard.cancelled()) {
                throw e;
            }
            throw new ProbeFailure(Outcome.REFUSED, "the server reset the connection during the TLS handshake");
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

    private static boolean endedWithoutAWord(SSLException e) {
        for (Throwable x = e; x != null; x = x.getCause()) {
            String m = String.valueOf(x.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (x instanceof java.net.SocketException || x instanceof java.io.EOFException
                    || m.contains("connection reset") || m.contains("terminated the handshake") || m.contains("broken pipe")) {
                return true;
            }
        }
        return false;
    }

    static String handshakeReason(SSLException e) {
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
        // SMTP, IMAP and POP3 of one server usually share the account: their logins go one at a
        // time, so that a rejection stops the others before they try.
        var lock = ctx.gate().attemptLock(rec.address);
        try {
            if (!lock.tryLock(Math.max(1, deadline.remainingMillis() / 2), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                rec.login = LoginReport.notAttempted("not tried: another login to this server took too long");
                return diagnosis;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Verdict(Outcome.SKIPPED, "cancelled before the login", null);
        }
        LoginAttempt attempt;
        try {
            Optional<String> refusal = ctx.gate().claim(endpoint, rec.address, endpoint.host() + " " + where);
            if (refusal.isPresent()) {
                rec.login = LoginReport.notAttempted(refusal.get());
                return diagnosis;
            }
            enter(Phase.LOGIN);
            attempt = attemptLogin(credentials, diagnosis.mechanism);
            if (attempt instanceof LoginAttempt.Rejected) {
                ctx.gate().rejected(endpoint.host() + " " + where);
            }
        } finally {
            lock.unlock();
        }
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
        if (guard.fired() || f.outcome() == Outcome.TIMEOUT) { // Jakarta Mail's timeouts are the deadline's too
            return new Verdict(Outcome.TIMEOUT, "no answer within " + ctx.options().timeoutWords() + " (stuck during " + phaseWords(rec.phase()) + ")", null);
        }
        return new Verdict(f.outcome(), f.detail(), null);
    }

    private ProbeResult classify(Exception e, LineConnection c) {
        String during = phaseWords(rec.phase());
        if (guard.cancelled()) {
            return rec.finish(Outcome.SKIPPED, "cancelled during " + during);
        }
        if (guard.fired() || deadline.expired() || e instanceof SocketTimeoutException) {
            return rec.finish(Outcome.TIMEOUT, "no answer within " + ctx.options().timeoutWords() + " (stuck during " + during + ")");
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

    static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000L;
    }}
