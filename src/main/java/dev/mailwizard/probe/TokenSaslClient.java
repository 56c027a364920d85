package dev.mailwizard.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.sasl.SaslClient;
import javax.security.sasl.SaslException;

/**
 * The client side of XOAUTH2 and OAUTHBEARER (RFC 7628) for Jakarta Mail's SASL logins. It sends
 * the initial response once; a challenge after it is the server's error report (JSON), which is
 * kept for the report and answered as the mechanism wants (XOAUTH2: an empty response; OAUTHBEARER:
 * a single 0x01, RFC 7628 3.2.3), so that the server sends its final refusal. Angus' own XOAUTH2
 * client treats that challenge as done and its IMAP code sends the token again instead.
 */
final class TokenSaslClient implements SaslClient {
    private static final byte KVSEP = 0x01;

    private enum Step { FIRST, SENT, ANSWERED }

    private final TokenSaslLogin login;
    private final CallbackHandler callbacks;
    private byte[] initialResponse;
    private Step step = Step.FIRST;

    TokenSaslClient(TokenSaslLogin login, CallbackHandler callbacks) {
        this.login = login;
        this.callbacks = callbacks;
    }

    @Override
    public String getMechanismName() {
        return login.mechanism();
    }

    /** Inline only when the command line stays within the protocol's limit (see {@link TokenSaslLogin#fitsInline}). */
    @Override
    public boolean hasInitialResponse() {
        try {
            return login.fitsInline(4 * ((initialResponse().length + 2) / 3));
        } catch (SaslException e) {
            return false; // evaluateChallenge reports it
        }
    }

    @Override
    public byte[] evaluateChallenge(byte[] challenge) throws SaslException {
        switch (step) {
            case FIRST -> {
                byte[] response = initialResponse();
                initialResponse = null;
                step = Step.SENT;
                return response;
            }
            case SENT -> {
                if (challenge != null && challenge.length > 0) {
                    login.heardErrorChallenge(new String(challenge, StandardCharsets.UTF_8));
                }
                step = Step.ANSWERED;
                return TokenMechanisms.XOAUTH2.equals(login.mechanism()) ? new byte[0] : new byte[]{KVSEP};
            }
            default -> throw new SaslException("the server sent another challenge after its error report");
        }
    }

    @Override
    public boolean isComplete() {
        return step == Step.ANSWERED;
    }

    @Override
    public byte[] unwrap(byte[] incoming, int offset, int len) {
        throw new IllegalStateException(login.mechanism() + " negotiates no security layer");
    }

    @Override
    public byte[] wrap(byte[] outgoing, int offset, int len) {
        throw new IllegalStateException(login.mechanism() + " negotiates no security layer");
    }

    @Override
    public Object getNegotiatedProperty(String propName) {
        return null;
    }

    @Override
    public void dispose() {
        if (initialResponse != null) {
            Arrays.fill(initialResponse, (byte) 0);
            initialResponse = null;
        }
    }

    private byte[] initialResponse() throws SaslException {
        if (initialResponse == null) {
            NameCallback name = new NameCallback("user name");
            PasswordCallback token = new PasswordCallback("access token", false);
            try {
                callbacks.handle(new Callback[]{name, token});
            } catch (IOException | UnsupportedCallbackException e) {
                throw new SaslException("Jakarta Mail gave no user name and token to " + login.mechanism(), e);
            }
            char[] secret = token.getPassword();
            token.clearPassword();
            if (name.getName() == null || secret == null) {
                throw new SaslException("Jakarta Mail gave no user name and token to " + login.mechanism());
            }
            try {
                initialResponse = TokenMechanisms.XOAUTH2.equals(login.mechanism())
                        ? xoauth2(name.getName(), secret) : oauthBearer(name.getName(), login.host(), login.port(), secret);
            } finally {
                Arrays.fill(secret, '\0');
            }
        }
        return initialResponse;
    }

    /** "user=U ^A auth=Bearer T ^A ^A" (Google's XOAUTH2). */
    static byte[] xoauth2(String user, char[] token) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("user=" + user).getBytes(StandardCharsets.UTF_8));
        out.write(KVSEP);
        bearer(out, token);
        return out.toByteArray();
    }

    /** RFC 7628 3.1: the GS2 header "n,a=U," then host, port and the bearer token, each ended by ^A, and a final ^A. */
    static byte[] oauthBearer(String user, String host, int port, char[] token) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("n,a=" + saslName(user) + ",").getBytes(StandardCharsets.UTF_8));
        out.write(KVSEP);
        out.writeBytes(("host=" + host).getBytes(StandardCharsets.UTF_8));
        out.write(KVSEP);
        out.writeBytes(("port=" + port).getBytes(StandardCharsets.UTF_8));
        out.write(KVSEP);
        bearer(out, token);
        return out.toByteArray();
    }

    /** "auth=Bearer T ^A ^A", without making a String of the token. */
    private static void bearer(ByteArrayOutputStream out, char[] token) {
        out.writeBytes("auth=Bearer ".getBytes(StandardCharsets.US_ASCII));
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(token));
        out.write(encoded.array(), encoded.position(), encoded.remaining());
        Arrays.fill(encoded.array(), (byte) 0);
        out.write(KVSEP);
        out.write(KVSEP);
    }

    /** RFC 5801 saslname: "=" and "," escaped as =3D and =2C. */
    private static String saslName(String user) {
        return user.replace("=", "=3D").replace(",", "=2C");
    }
}
