package dev.mailwizard.probe;

import java.security.Provider;
import java.security.Security;
import java.util.List;
import java.util.Map;
import javax.security.auth.callback.CallbackHandler;
import javax.security.sasl.SaslClient;
import javax.security.sasl.SaslClientFactory;

/**
 * Makes {@link TokenSaslClient}s reachable through {@code javax.security.sasl.Sasl}, which is how
 * Jakarta Mail's SMTP and IMAP SASL logins find a mechanism. Installed first in the provider list,
 * so that Angus' own XOAUTH2 client (registered by Angus as "Jakarta-Mail-OAuth2") is not picked;
 * its factory answers only logins whose properties carry a {@link TokenSaslLogin}, so every other
 * SASL user in the JVM sees no change.
 */
final class TokenSaslProvider extends Provider {
    private static final long serialVersionUID = 1L;
    static final String NAME = "MailWizard-Token-SASL";

    private TokenSaslProvider() {
        super(NAME, "1.0", "XOAUTH2 and OAUTHBEARER clients for MailWizard's token logins");
        Factory factory = new Factory();
        for (String mechanism : List.of(TokenMechanisms.XOAUTH2, TokenMechanisms.OAUTHBEARER)) {
            putService(new Service(this, "SaslClientFactory", mechanism, Factory.class.getName(), null, null) {
                @Override
                public Object newInstance(Object constructorParameter) {
                    return factory;
                }
            });
        }
    }

    /** Installs the provider once per JVM. */
    static synchronized void install() {
        if (Security.getProvider(NAME) == null) {
            Security.insertProviderAt(new TokenSaslProvider(), 1);
        }
    }

    private static final class Factory implements SaslClientFactory {
        @Override
        public SaslClient createSaslClient(String[] mechanisms, String authorizationId, String protocol, String serverName,
                                           Map<String, ?> props, CallbackHandler cbh) {
            Object login = props == null ? null : props.get(TokenSaslLogin.PROPERTY);
            if (!(login instanceof TokenSaslLogin l)) {
                return null;
            }
            for (String m : mechanisms) {
                if (l.mechanism().equalsIgnoreCase(m)) {
                    return new TokenSaslClient(l, cbh);
                }
            }
            return null;
        }

        @Override
        public String[] getMechanismNames(Map<String, ?> props) {
            return new String[]{TokenMechanisms.XOAUTH2, TokenMechanisms.OAUTHBEARER};
        }
    }
}
