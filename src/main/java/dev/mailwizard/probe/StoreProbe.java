package dev.mailwizard.probe;

import dev.mailwizard.model.Outcome;
import dev.mailwizard.model.Credentials;
import dev.mailwizard.model.Endpoint;

import java.io.IOException;

/** What the IMAP and POP3 probes share: line reading, the verdict after TLS, the store login. */
abstract class StoreProbe extends MailProbe {
    StoreProbe(Endpoint endpoint, ProbeContext ctx, boolean mayLogin, Deadline deadline, SocketGuard guard, ProbeRecorder rec) {
        super(endpoint, ctx, mayLogin, deadline, guard, rec);
    }

    /** A token goes over IMAP with our SASL client; over POP3 with Angus' own XOAUTH2 (see {@link MailSessionFactory#storeSession}). */
    @Override
    protected LoginAttempt attemptLogin(Credentials credentials, String mechanism, CredentialWatch watch) {
        TokenSaslLogin token = signsInWithToken() && endpoint.protocol() == dev.mailwizard.model.Protocol.IMAP
                ? TokenSaslLogin.imap(mechanism, endpoint) : null;
        var session = ctx.sessions().storeSession(endpoint, rec.address, mechanism, deadline, guard, watch, token);
        return StoreLogin.attempt(session, endpoint, credentials, mechanism, rec.transcript, token);
    }

    /** On an implicit-TLS port, the handshake comes before anything else; returns the certificate problem, if any. */
    protected Outcome implicitTlsFirst(LineConnection c) throws IOException, ProbeFailure {
        if (endpoint.security() != dev.mailwizard.model.Security.TLS) {
            return null;
        }
        enter(Phase.TLS);
        return handshake(c, Outcome.NOT_TLS);
    }

    /** Reads the greeting line and records it with its timing. */
    protected String greeting(LineConnection c) throws IOException, ProbeFailure {
        enter(Phase.GREETING);
        long t = System.nanoTime();
        String greeting = line(c);
        rec.greetingMs = millisSince(t);
        greeted();
        rec.banner = greeting;
        return greeting;
    }

    /** One server line, into the transcript; a closed connection is a verdict. */
    protected String line(LineConnection c) throws IOException, ProbeFailure {
        String l = c.readLine();
        if (l == null) {
            throw new ProbeFailure(rec.banner == null ? Outcome.REFUSED : Outcome.PROTOCOL_ERROR,
                    "the server closed the connection " + (rec.banner == null ? "without a greeting" : "during " + phaseWords(rec.phase())));
        }
        rec.transcript.server(l);
        return l;
    }

    /** OK with the mechanism, or LOGIN_UNAVAILABLE saying why. */
    protected Verdict afterTls(String mechanism, String whyNone) {
        if (mechanism == null) {
            return new Verdict(Outcome.LOGIN_UNAVAILABLE, "encrypted and verified, but " + whyNone, null);
        }
        return new Verdict(Outcome.OK, "encrypted (" + rec.tls.protocol() + "), certificate " + certificateWords()
                + ", login possible (" + mechanism + ")", mechanism);
    }
}
