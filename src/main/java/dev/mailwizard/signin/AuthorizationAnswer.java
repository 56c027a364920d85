package dev.mailwizard.signin;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.id.State;
import dev.mailwizard.model.DisplayText;

import java.net.URI;

/**
 * What the browser brought back, judged: a code to exchange, or a refusal in words. The
 * {@code state} must be this sign-in's (else the answer may come from another page, RFC 6749
 * §10.12); an {@code iss} parameter, when present, must name the registration's issuer (RFC 9207,
 * against mix-up). Nothing goes to the token endpoint unless both hold.
 */
sealed interface AuthorizationAnswer {
    record Code(AuthorizationCode code) implements AuthorizationAnswer {
        @Override
        public String toString() {
            return "Code[<redacted>]";
        }
    }

    record Refused(String reason) implements AuthorizationAnswer {
    }

    static AuthorizationAnswer read(URI callback, State expected, String issuer) {
        AuthorizationResponse response;
        try {
            response = AuthorizationResponse.parse(callback);
        } catch (ParseException e) {
            return new Refused("the answer in the browser carried neither an authorization code nor an error; start the sign-in again");
        }
        if (!expected.equals(response.getState())) {
            return new Refused("the answer in the browser did not carry this sign-in's state, so it may come from another page;"
                    + " it was refused and nothing was sent to the token endpoint; start the sign-in again");
        }
        if (response.getIssuer() != null && !Issuers.same(response.getIssuer().getValue(), issuer)) {
            return new Refused("the answer names the issuer '" + DisplayText.escape(response.getIssuer().getValue()) + "', not " + issuer
                    + " (RFC 9207), so it may come from another authorization server; it was refused and nothing was sent to the token endpoint");
        }
        if (!response.indicatesSuccess()) {
            return new Refused(inWords(response.toErrorResponse().getErrorObject()));
        }
        return new Code(response.toSuccessResponse().getAuthorizationCode());
    }

    private static String inWords(ErrorObject error) {
        String code = error == null || error.getCode() == null ? "an unnamed error" : DisplayText.escape(error.getCode());
        String description = error == null || error.getDescription() == null ? "" : ": " + DisplayText.escape(error.getDescription());
        if ("access_denied".equals(code)) {
            return "the sign-in was declined in the browser (access_denied" + description + "); nothing was signed in";
        }
        return "the authorization server answered " + code + description + "; nothing was signed in";
    }
}
