package dev.mailwizard.probe;

import java.util.List;
import java.util.Locale;

/**
 * The SASL mechanisms that carry an OAuth2 access token, and the choice between them: XOAUTH2
 * (Google's, also Microsoft's and Dovecot's) when the server offers it, else OAUTHBEARER
 * (RFC 7628). A token never goes with PLAIN or LOGIN, and a password never with these.
 */
final class TokenMechanisms {
    static final String XOAUTH2 = "XOAUTH2";
    static final String OAUTHBEARER = "OAUTHBEARER";
    /** Why a token login is not tried when the server offers neither. */
    static final String NONE_OFFERED = "the server offers no OAuth2 login (XOAUTH2/OAUTHBEARER); MailWizard never sends a token with PLAIN or LOGIN";

    private TokenMechanisms() {
    }

    /** XOAUTH2 or OAUTHBEARER from the server's list (any case), or null when it offers neither. */
    static String pick(List<String> offered) {
        List<String> upper = offered == null ? List.of() : offered.stream().map(m -> m.toUpperCase(Locale.ROOT)).toList();
        return upper.contains(XOAUTH2) ? XOAUTH2 : upper.contains(OAUTHBEARER) ? OAUTHBEARER : null;
    }

    static boolean carriesToken(String mechanism) {
        return XOAUTH2.equalsIgnoreCase(mechanism) || OAUTHBEARER.equalsIgnoreCase(mechanism);
    }
}
