package dev.mailwizard.probe;

import dev.mailwizard.model.AuthMethod;
import dev.mailwizard.model.Outcome;
import dev.mailwizard.model.Credentials;
import dev.mailwizard.model.DisplayText;
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
    /** Mechanisms that send a value derived from the password rather than the password itself. */
    private static final java.util.Set<String> HASHED_MECHANISMS = java.util.Set.of("DIGEST-MD5", "NTLM", "CRAM-MD5");
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

    /**
     * For the diagnosis-only TLS 1.0/1.1 hello on a STARTTLS port: on a fresh connection, the
     * minimal dialogue up to the server's OK to STARTTLS/STLS. Records nothing but the transcript.
     */
    protected abstract void upgradeForDiagnosis(LineConnection c) throws IOException, ProbeFailure;

    /** The one login attempt, through Jakarta Mail, on a new connection whose output passes {@code watch}. */
    protected abstract LoginAttempt attemptLogin(Credentials credentials, String mechanism, CredentialWatch watch);

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

    /** The kind of secret this run logs in with, or null when it has none. */
    protected final AuthMethod method() {
        Credentials c = ctx.options().credentials();
        return c == null ? null : c.method();
    }

    /** Whether this run logs in with an OAuth2 access token (XOAUTH2/OAUTHBEARER) rather than a password. */
    protected final boolean signsInWithToken() {
        return method() == AuthMethod.OAUTH2;
    }

    /** "password" or "access token", for the words of a login that was not tried or failed. */
    private String secretWords() {
        return signsInWithToken() ? "access token" : "password";
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
            } catch (SocketException e) {
                if (guard.fired() || guard.cancelled() || !String.valueOf(e.getMessage()).contains("reset")) {
                    throw e; // e.g. "Network is unreachable": as before
                }
                // A reset, not a refusal: the server accepted the connection and cut it before
                // connect() returned (the kernel reports the reset it already received).
                rec.connectMs = rec.phaseMillis();
                throw new ProbeFailure(Outcome.REFUSED, "the server accepted the connection and reset it at once");
            }
        }
        throw last;
    }

    /** The server greeted in plain text: on a plain or STARTTLS probe, that proves what the port speaks. */
    protected void greeted() {
        if (endpoint.security() != dev.mailwizard.model.Security.TLS) {
            ctx.ports().proven(endpoint, PortSpeech.Speech.PLAIN_FIRST);
        }
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
                String text = new String(c.rawSocket().tapped(), java.nio.charset.StandardCharsets.UTF_8).lines().findFirst().orElse("");
                rec.transcript.server(text);
                throw new ProbeFailure(whenPlainText, whenPlainText == Outcome.NOT_TLS
                        ? "the server answered in plain text (\"" + DisplayText.serverLine(text) + "\") where a TLS handshake was expected; this port wants STARTTLS or is not a mail-over-TLS port"
                        : "the server sent plain text (\"" + DisplayText.serverLine(text) + "\") where the TLS handshake should start: injected data; connection abandoned");
            }
            if (c.rawSocket().tapped().length == 0 && endedWithoutAWord(e)) {
                // Not one byte came back: the port is open but the server reset or closed at once.
                throw whyEnded(c, new ProbeFailure(Outcome.REFUSED, "the server reset or closed the connection before answering the TLS handshake"));
            }
            ProbeFailure failed = new ProbeFailure(Outcome.TLS_HANDSHAKE_FAILED, "the TLS handshake failed: " + handshakeReason(e));
            throw refusedByServer(e) ? whyEnded(c, failed) : failed;
        } catch (java.net.SocketException e) {
            if (guard.fired() || guard.cancelled()) {
                throw e;
            }
            throw whyEnded(c, new ProbeFailure(Outcome.REFUSED, "the server reset the connection during the TLS handshake"));
        }
        rec.tlsMs = millisSince(t);
        if (endpoint.security() == dev.mailwizard.model.Security.TLS) {
            ctx.ports().proven(endpoint, PortSpeech.Speech.IMPLICIT_TLS); // whatever the certificate
        }
        return judgeCertificate(tls.getSession(), capture.chain());
    }

    /** Records the session and the certificate; returns the certificate problem, or null when it is acceptable. */
    private Outcome judgeCertificate(SSLSession session, List<java.security.cert.X509Certificate> chain) throws ProbeFailure {
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

    /**
     * The server ended our TLS 1.2+ handshake: one diagnosis-only hello offering TLS 1.0/1.1, on a
     * new connection, tells whether an outdated TLS version is the reason. Returns the verdict.
     */
    private ProbeFailure whyEnded(LineConnection first, ProbeFailure ended) throws IOException {
        first.close();
        rec.transcript.note("the TLS handshake (TLS 1.2 or newer) ended: " + ended.getMessage());
        LegacyTlsCheck.Finding f = LegacyTlsCheck.run(new InetSocketAddress(first.rawSocket().getInetAddress(), endpoint.port()),
                endpoint.host(), endpoint.security() == dev.mailwizard.model.Security.STARTTLS ? this::upgradeForDiagnosis : null,
                deadline, guard, rec.transcript);
        if (f == null) {
            return ended;
        }
        if (f.outdatedVersion() != null) {
            rec.legacyTlsVersion = f.legacyTlsVersion();
            return new ProbeFailure(Outcome.TLS_HANDSHAKE_FAILED, f.words());
        }
        return new ProbeFailure(ended.outcome(), ended.getMessage() + "; " + f.words());
    }

    /** The server answered our hello with an alert that an old TLS version could explain. */
    private static boolean refusedByServer(SSLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("protocol_version") || m.contains("handshake_failure") || m.contains("insufficient_security")
                || m.contains("not accepted by client preferences");
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
        Optional<String> refusal = whyNoLogin(diagnosis);
        if (refusal.isPresent()) {
            rec.login = LoginReport.notAttempted(refusal.get(), method());
            return diagnosis;
        }
        String where = endpoint.host() + " port " + endpoint.port() + " (" + endpoint.security().label() + ")";
        LoginTurn turn = awaitTurn(where);
        if (turn instanceof LoginTurn.Cancelled) {
            return new Verdict(Outcome.SKIPPED, "cancelled before the login", null);
        }
        if (turn instanceof LoginTurn.Declined d) {
            rec.login = LoginReport.notAttempted(d.reason(), method());
            return diagnosis;
        }
        LoginAttempt attempt = attemptInTurn(credentials, diagnosis.mechanism, where, ((LoginTurn.Granted) turn).lock());
        if (attempt == null) {
            return diagnosis; // the gate gave the login to another port: rec.login says which
        }
        rec.loginMs = rec.phaseMillis();
        return judge(attempt, diagnosis);
    }

    /** Why this probe must not log in at all (the engine's rules 1 and 2), or empty. */
    private Optional<String> whyNoLogin(Verdict diagnosis) {
        boolean plain = diagnosis.outcome == Outcome.PLAIN_OK;
        if (diagnosis.outcome != Outcome.OK && !plain) {
            return Optional.of("not tried: " + diagnosis.outcome.meaning());
        }
        if (plain && signsInWithToken()) {
            return Optional.of("not tried: MailWizard never sends an access token without encryption");
        }
        if (plain && !ctx.options().allowPlainAuth()) {
            return Optional.of("not tried: MailWizard never sends a password without encryption (unless --allow-plain-auth)");
        }
        if (diagnosis.mechanism == null) {
            return Optional.of(signsInWithToken() ? "not tried: " + TokenMechanisms.NONE_OFFERED : "not tried: the server offers no password login here");
        }
        if (!mayLogin) {
            return Optional.of("not tried: this server was not typed or confirmed by you");
        }
        return Optional.empty();
    }

    /** Whether this probe may go ahead with the login now, and the lock it then holds. */
    private sealed interface LoginTurn {
        record Granted(java.util.concurrent.locks.ReentrantLock lock) implements LoginTurn {
        }

        record Declined(String reason) implements LoginTurn {
        }

        record Cancelled() implements LoginTurn {
        }
    }

    /**
     * Waits for better-ranked ports of the host, then for the server's login lock: SMTP, IMAP and
     * POP3 of one server usually share the account, so their logins go one at a time and a
     * rejection stops the others before they try.
     */
    private LoginTurn awaitTurn(String where) {
        ctx.gate().ready(endpoint, where);
        var lock = ctx.gate().attemptLock(rec.address);
        try {
            ctx.gate().awaitBetterPorts(endpoint, deadline);
            if (!lock.tryLock(Math.max(1, deadline.remainingMillis() / 2), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                return new LoginTurn.Declined("not tried: another login to this server took too long");
            }
            return new LoginTurn.Granted(lock);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new LoginTurn.Cancelled();
        }
    }

    /**
     * Claims the run's one login for this server and makes it, holding {@code lock}; records what
     * went out on the socket. Null when the gate gave the login to another port. A token is hidden
     * in whatever the server says back ({@link TokenRedactor}) before any of it is kept.
     */
    private LoginAttempt attemptInTurn(Credentials credentials, String mechanism, String where, java.util.concurrent.locks.ReentrantLock lock) {
        CredentialWatch watch = new CredentialWatch(credentials);
        TokenRedactor redactor = TokenRedactor.of(credentials);
        try {
            Optional<String> refusal = ctx.gate().claim(endpoint, rec.address, where);
            if (refusal.isPresent()) {
                rec.login = LoginReport.notAttempted(refusal.get(), credentials.method());
                return null;
            }
            enter(Phase.LOGIN);
            rec.transcript.redactWith(redactor);
            LoginAttempt attempt = attemptLogin(credentials, mechanism, watch).redacted(redactor);
            if (watch.refused()) {
                attempt = new LoginAttempt.Failed(Outcome.PROTOCOL_ERROR, "Jakarta Mail fell back to sending the access token as a"
                        + " password (" + mechanism + " was not usable); MailWizard stopped it before it left, so the server never received it");
            }
            if (attempt instanceof LoginAttempt.Rejected) {
                ctx.gate().rejected(where, credentials.method());
            }
            // What went out on the socket, whatever came back (a help desk decides on it whether the password must change).
            rec.credentialsSent = watch.sent() || attempt instanceof LoginAttempt.Accepted
                    || (attempt instanceof LoginAttempt.Rejected && HASHED_MECHANISMS.contains(mechanism));
            return attempt;
        } finally {
            lock.unlock();
            watch.forget();
            rec.transcript.redactWith(null);
            redactor.forget();
        }
    }

    /** The probe's verdict after its login: the diagnosis, LOGIN_REJECTED, or why the login connection failed. */
    private Verdict judge(LoginAttempt attempt, Verdict diagnosis) {
        if (attempt instanceof LoginAttempt.Accepted a) {
            rec.testMessage = a.testMessage();
            if (a.testMessage() != null && !a.testMessage().accepted()) {
                rec.warn("the test message to " + a.testMessage().to() + " was not accepted: " + a.testMessage().reply());
            }
            rec.login = new LoginReport(true, method(), a.mechanism(), LoginStatus.OK, a.reply(), "the server accepted the login", null);
            if (diagnosis.outcome == Outcome.PLAIN_OK) {
                rec.warn("the password was sent WITHOUT encryption because you allowed it (--allow-plain-auth)");
            }
            return new Verdict(diagnosis.outcome, diagnosis.detail + "; login accepted", a.mechanism());
        }
        if (attempt instanceof LoginAttempt.Rejected r) {
            RefusalDiagnosis refusal = LoginReplyDiagnosis.read(endpoint.protocol(), endpoint.host(), r.reply(), method());
            rec.login = new LoginReport(true, method(), r.mechanism(), LoginStatus.REJECTED, r.reply(),
                    "the server refused the login; MailWizard does not retry, so the account does not lock", refusal);
            return new Verdict(Outcome.LOGIN_REJECTED, refusal.diagnosis().meaning() + ": the server answered the login with \""
                    + DisplayText.serverLine(r.reply()) + "\"; nothing was retried", r.mechanism());
        }
        LoginAttempt.Failed f = (LoginAttempt.Failed) attempt;
        String failure = DisplayText.serverLine(f.detail()); // Jakarta Mail's words, which may quote the server
        if (guard.cancelled()) {
            return new Verdict(Outcome.SKIPPED, "cancelled during the login", null);
        }
        rec.login = new LoginReport(true, method(), diagnosis.mechanism, LoginStatus.NOT_ATTEMPTED, null,
                "the login connection failed before the server judged the " + secretWords() + ": " + failure
                        + (rec.credentialsSent ? " (the " + secretWords() + " had already been sent, over the verified connection)" : ""), null);
        if (guard.fired() || f.outcome() == Outcome.TIMEOUT) { // Jakarta Mail's timeouts are the deadline's too
            return new Verdict(Outcome.TIMEOUT, "no answer within " + ctx.options().timeoutWords() + " (stuck during " + phaseWords(rec.phase()) + ")", null);
        }
        return new Verdict(f.outcome(), failure, null);
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
