package dev.mailwizard.signin;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One OAuth2 sign-in in the system browser: authorization code with PKCE S256 (RFC 7636), the answer
 * on a loopback listener (RFC 8252 §7.3), the state and issuer checked ({@link AuthorizationAnswer}),
 * the code traded at the token endpoint. The wait for the browser ends at the deadline or on
 * {@link #cancel()} (from any thread, also before {@link #run()}) or an interrupt; nothing listens
 * after {@link #run()} returns.
 */
public final class SignInFlow {
    /** How long the person has to sign in when nothing else is asked. */
    public static final Duration DEFAULT_WAIT = Duration.ofMinutes(5);

    private final OAuth2Client client;
    private final TokenEndpoint tokenEndpoint;
    private final Browser browser;
    private final Duration wait;
    private final String loginHint;
    private final CompletableFuture<Void> cancelled = new CompletableFuture<>();

    /**
     * @param loginHint the address, so the provider's page offers the right account (or null)
     */
    public SignInFlow(OAuth2Client client, TokenEndpoint tokenEndpoint, Browser browser, Duration wait, String loginHint) {
        this.client = client;
        this.tokenEndpoint = tokenEndpoint;
        this.browser = browser;
        this.wait = wait;
        this.loginHint = loginHint;
    }

    /** Runs the sign-in and blocks until it ends. */
    public SignInResult run() {
        if (cancelled.isDone()) {
            return new SignInResult.Cancelled();
        }
        State state = new State();
        CodeVerifier verifier = new CodeVerifier();
        try (LoopbackReceiver receiver = LoopbackReceiver.open()) {
            URI redirect = receiver.redirectUri();
            browser.show(authorizationUrl(redirect, state, verifier));
            LoopbackReceiver.Wait waited = receiver.await(wait, cancelled);
            if (waited instanceof LoopbackReceiver.Wait.Answer a) {
                return redeem(AuthorizationAnswer.read(a.callback(), state, client.issuer()), redirect, verifier);
            }
            return waited instanceof LoopbackReceiver.Wait.TimedOut ? new SignInResult.TimedOut(wait) : new SignInResult.Cancelled();
        } catch (IOException e) {
            return new SignInResult.Failed("cannot listen on 127.0.0.1 for the browser's answer: " + e.getMessage());
        }
    }

    /** Ends the wait for the browser; a sign-in not yet started ends at once. */
    public void cancel() {
        cancelled.complete(null);
    }

    private URI authorizationUrl(URI redirect, State state, CodeVerifier verifier) {
        AuthorizationRequest.Builder request = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), new ClientID(client.clientId()))
                .endpointURI(client.authorizationEndpoint())
                .redirectionURI(redirect)
                .scope(Scope.parse(client.scopes()))
                .state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256);
        if (loginHint != null) {
            request.customParameter("login_hint", loginHint);
        }
        return request.build().toURI();
    }

    private SignInResult redeem(AuthorizationAnswer answer, URI redirect, CodeVerifier verifier) {
        if (answer instanceof AuthorizationAnswer.Refused r) {
            return new SignInResult.Refused(r.reason());
        }
        TokenResult result = tokenEndpoint.exchange(((AuthorizationAnswer.Code) answer).code(), redirect, verifier);
        if (cancelled.isDone()) {
            if (result instanceof TokenResult.Granted g) {
                g.tokens().wipe();
            }
            return new SignInResult.Cancelled();
        }
        if (result instanceof TokenResult.Granted g) {
            return new SignInResult.SignedIn(g.tokens());
        }
        if (result instanceof TokenResult.Refused r) {
            return new SignInResult.Refused("the token endpoint did not accept the sign-in's code: " + r.inWords());
        }
        return new SignInResult.Failed(((TokenResult.Failed) result).reason());
    }
}
