package dev.mailwizard.cli;

import dev.mailwizard.export.AccountProfile;
import dev.mailwizard.export.ServerSetting;
import dev.mailwizard.model.AuthMethod;
import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Provider;
import dev.mailwizard.model.ProviderNeeds;
import dev.mailwizard.model.Security;
import dev.mailwizard.model.WellKnownPorts;

import java.util.ArrayList;
import java.util.List;

/** Turns {@code export}'s SETTINGS options into an account profile, naming the option at fault. */
final class ExportSettings {
    private ExportSettings() {
    }

    static AccountProfile profile(ExportCommand c) {
        if (c.address == null) {
            throw new UsageException("give --from REPORT.json, or the settings: --address ADDRESS --host HOST --security tls|starttls");
        }
        EmailAddress address = UsageException.orUsage(() -> EmailAddress.parse(c.address));
        if (c.host == null) {
            throw new UsageException("--address needs --host: the outgoing (SMTP) server");
        }
        if (c.user != null && (c.user.isBlank() || c.user.chars().anyMatch(ch -> ch < 0x20))) {
            throw new UsageException("--user '" + MailWizardCommand.oneLine(c.user) + "' is empty or contains control characters");
        }
        String user = c.user == null ? address.toString() : c.user;
        SignInChoice signIn = SignInChoice.parse(c.auth);
        List<ServerSetting> outgoing = List.of(server(Protocol.SMTP, "--", c.host, c.port, c.security, user, signIn.method()));
        List<ServerSetting> incoming = new ArrayList<>();
        if (c.imapHost != null) {
            incoming.add(server(Protocol.IMAP, "--imap-", c.imapHost, c.imapPort, c.imapSecurity, user, signIn.method()));
        } else if (c.imapPort != null || c.imapSecurity != null) {
            throw new UsageException("--imap-port and --imap-security need --imap-host");
        }
        if (c.popHost != null) {
            incoming.add(server(Protocol.POP3, "--pop-", c.popHost, c.popPort, c.popSecurity, user, signIn.method()));
        } else if (c.popPort != null || c.popSecurity != null) {
            throw new UsageException("--pop-port and --pop-security need --pop-host");
        }
        return new AccountProfile(address, c.name, outgoing, incoming, false, signIn.provider());
    }

    /** {@code --auth}: the login every typed server uses, and for an app password what the provider needs. */
    private enum SignInChoice {
        PASSWORD("password", AuthMethod.PASSWORD, null),
        APP_PASSWORD("app-password", AuthMethod.PASSWORD, ProviderNeeds.APP_PASSWORD),
        OAUTH2("oauth2", AuthMethod.OAUTH2, null);

        private final String word;
        private final AuthMethod method;
        private final ProviderNeeds needs;

        SignInChoice(String word, AuthMethod method, ProviderNeeds needs) {
            this.word = word;
            this.method = method;
            this.needs = needs;
        }

        static SignInChoice parse(String text) {
            if (text == null) {
                return PASSWORD;
            }
            for (SignInChoice c : values()) {
                if (c.word.equalsIgnoreCase(text.strip())) {
                    return c;
                }
            }
            throw new UsageException("--auth '" + MailWizardCommand.oneLine(text) + "' is not a way to sign in: use oauth2, password or app-password");
        }

        AuthMethod method() {
            return method;
        }

        /** Only an app password says something about the provider; no source named one. */
        Provider provider() {
            return needs == null ? null : new Provider("", "", needs, null, List.of());
        }
    }

    private static ServerSetting server(Protocol protocol, String prefix, String host, Integer port, String securityText, String user,
                                        AuthMethod method) {
        Security security = securityText == null ? null
                : UsageException.orUsage(() -> Security.parse(securityText));
        if (security == null && port == null) {
            throw new UsageException(prefix + "security is needed for " + prefix + "host " + host + ": tls (implicit TLS) or starttls");
        }
        if (security == null) {
            security = standardSecurity(protocol, port);
            if (security == null) {
                throw new UsageException(prefix + "port " + port + " is not a standard " + protocol + " port: say " + prefix + "security tls or starttls");
            }
        }
        int p = port != null ? port : standardPort(protocol, security);
        Security s = security;
        return UsageException.orUsage(() -> new ServerSetting(new Endpoint(protocol, host, p, s), user, null, method));
    }

    static int standardPort(Protocol protocol, Security security) {
        return WellKnownPorts.defaultPort(protocol, security);
    }

    private static Security standardSecurity(Protocol protocol, int port) {
        return WellKnownPorts.implied(protocol, port);
    }
}
