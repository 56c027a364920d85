package dev.mailwizard.probe;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The diagnosis-only handshake, run once when a server ended our TLS 1.2+ handshake: a fresh
 * connection (after the protocol's STARTTLS, if any) sends {@link LegacyClientHello} and reads the
 * server's first record, to learn whether it speaks only TLS 1.0/1.1. Nothing is sent after the
 * hello: no key exchange, never credentials; the connection is closed as soon as the answer is in.
 */
final class LegacyTlsCheck {
    /** Repeats the protocol's minimal upgrade (greeting, EHLO/CAPA, STARTTLS/STLS) on a fresh connection. */
    @FunctionalInterface
    interface Upgrade {
        void toTls(LineConnection c) throws IOException, ProbeFailure;
    }

    /**
     * What the check found. {@code outdatedVersion} ("TLS 1.0", "TLS 1.1", "SSL 3.0") is set when the
     * server's best version is below TLS 1.2; {@code legacyTlsVersion} is its name for the report
     * ("TLSv1", "TLSv1.1"); {@code words} say what happened, for the result's detail.
     */
    record Finding(String outdatedVersion, String legacyTlsVersion, String words) {
    }

    private static final String OFFER = "a second hello offering only TLS 1.0/1.1";

    private LegacyTlsCheck() {
    }

    /**
     * Runs the check on a new connection to {@code address}; null when there is no time left or the
     * run was cancelled (then it does not start). It gets half the time left, so the probe's first
     * verdict still arrives before its deadline. The guard closes its socket like any other.
     */
    static Finding run(InetSocketAddress address, String host, Upgrade upgrade, Deadline deadline, SocketGuard guard,
                       Transcript transcript) throws IOException {
        if (guard.fired() || guard.cancelled() || deadline.expired()) {
            return null;
        }
        Deadline own = Deadline.in(Duration.ofMillis(Math.max(1, deadline.remainingMillis() / 2)));
        transcript.note("diagnosis only: a new connection offers TLS 1.0/1.1 to learn why the handshake ended; it never carries a password");
        LineConnection c = null;
        boolean helloSent = false;
        try {
            c = LineConnection.connect(address, own, transcript, guard);
            transcript.note("connected to " + address.getAddress().getHostAddress() + ":" + address.getPort());
            if (upgrade != null) {
                upgrade.toTls(c);
                if (c.unreadBytes() > 0) {
                    return new Finding(null, null, "the second connection got data after its STARTTLS; no hello was sent");
                }
            }
            OutputStream out = c.rawSocket().getOutputStream();
            out.write(LegacyClientHello.forHost(host));
            out.flush();
            helloSent = true;
            transcript.note("sent a TLS ClientHello offering TLS 1.0/1.1 (diagnosis only)");
            TlsAnswer answer = TlsAnswer.read(c.rawSocket(), own);
            Finding f = judge(answer);
            transcript.note("the server answered: " + describe(answer) + "; connection closed");
            return f;
        } catch (ProbeFailure e) {
            return new Finding(null, null, "the second connection did not get to TLS: " + e.getMessage());
        } catch (IOException e) {
            if (guard.fired() || guard.cancelled()) {
                throw e;
            }
            if (e instanceof SocketTimeoutException || own.expired()) {
                transcript.note("the diagnosis connection got no answer in time");
                return new Finding(null, null, OFFER + " got no answer in time");
            }
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            transcript.note("the diagnosis connection ended: " + why);
            // A reset after the hello is the same as hanging up on it.
            return helloSent ? judge(new TlsAnswer(TlsAnswer.Kind.CLOSED, -1, -1))
                    : new Finding(null, null, "a second connection, to check for TLS 1.0/1.1, ended before its hello (" + why + ")");
        } finally {
            if (c != null) {
                c.close();
            }
        }
    }

    /** The verdict on the server's answer to the TLS 1.0/1.1 hello. */
    static Finding judge(TlsAnswer answer) {
        return switch (answer.kind()) {
            case SERVER_HELLO -> switch (answer.version()) {
                case 0x0300 -> outdated("SSL 3.0", null);
                case 0x0301 -> outdated("TLS 1.0", "TLSv1");
                case 0x0302 -> outdated("TLS 1.1", "TLSv1.1");
                default -> new Finding(null, null, OFFER + " was answered with " + TlsAnswer.versionWords(answer.version())
                        + ", so an old TLS version is not the reason");
            };
            case ALERT -> answer.alert() == 86
                    ? new Finding(null, null, OFFER + " was refused as a downgrade (inappropriate_fallback): the server speaks"
                    + " a newer TLS version, so an old one is not the reason")
                    : new Finding(null, null, OFFER + " was refused too (" + TlsAnswer.alertName(answer.alert())
                    + "), so the server does not speak those either");
            case CLOSED -> new Finding(null, null, OFFER + " was cut off too, so an old TLS version is not the reason");
            case NOT_TLS -> new Finding(null, null, OFFER + " got an answer that is not TLS");
        };
    }

    private static Finding outdated(String words, String legacyName) {
        return new Finding(words, legacyName, "this server only speaks " + words
                + ", which is no longer safe; the provider must update it (MailWizard uses TLS 1.2 or newer)");
    }

    private static String describe(TlsAnswer a) {
        return switch (a.kind()) {
            case SERVER_HELLO -> "ServerHello choosing " + TlsAnswer.versionWords(a.version());
            case ALERT -> "TLS alert " + TlsAnswer.alertName(a.alert());
            case CLOSED -> "nothing (it hung up)";
            case NOT_TLS -> "something that is not TLS";
        };
    }
}
