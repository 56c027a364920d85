package dev.mailwizard.cli;

import dev.mailwizard.model.Credentials;
import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.HostNames;
import dev.mailwizard.probe.PortMatrix;
import dev.mailwizard.probe.ProbeOptions;
import dev.mailwizard.probe.ProbeRequest;

import java.util.List;

/**
 * One probe as asked on the command line, checked and typed ({@link ProbeArguments}): what to
 * test, the servers typed, the login and the shared settings. A batch line is one with only a
 * target ({@link #of}).
 *
 * @param typedHosts {@code --host} values, in ASCII
 * @param user       {@code --user}, or null for the address
 * @param secret     where the login's secret comes from: a password or token on stdin (read before
 *                   discovery), or an OAuth2 sign-in (after discovery, which names the servers)
 * @param sendTo     {@code --send-test}, or null
 * @param signIn     the {@code --oauth2} options (their defaults without {@code --oauth2}; null for a batch line)
 */
record ParsedProbe(Target target, List<String> typedHosts, ParsedSettings settings, String user, LoginSecret secret,
                   String sendTo, boolean allowPlainAuth, SignInOptions signIn) {
    ParsedProbe {
        typedHosts = List.copyOf(typedHosts);
    }

    /** An e-mail address (discovery may run for it) or a host name (tested as typed); exactly one is set. */
    record Target(EmailAddress address, String host) {
        static Target parse(String text) {
            return text.contains("@") ? new Target(UsageException.orUsage(() -> EmailAddress.parse(text)), null)
                    : new Target(null, UsageException.orUsage(() -> HostNames.toAscii(text)));
        }

        /** The address or host, as the report names the account. */
        String account() {
            return address != null ? address.toString() : host;
        }
    }

    /** A probe of {@code target} with the shared settings and nothing else: a batch line. */
    static ParsedProbe of(Target target, ParsedSettings settings) {
        return new ParsedProbe(target, List.of(), settings, null, LoginSecret.NONE, null, false, null);
    }

    /** {@code --password-stdin}: the password is read before discovery. */
    boolean passwordFromStdin() {
        return secret == LoginSecret.PASSWORD_STDIN;
    }

    /** Under which name a remembered sign-in is kept: the address, or the login for a host name. */
    String account() {
        return target.address() != null ? target.address().toString() : login();
    }

    /** The login name: {@code --user}, else the address; null for a host name without {@code --user}. */
    String login() {
        return user != null ? user : target.address() != null ? target.address().toString() : null;
    }

    /** The servers to test as typed: {@code --host}, or the target when it is a host name; empty means discovery. */
    List<String> typedServers() {
        return !typedHosts.isEmpty() ? typedHosts : target.host() != null ? List.of(target.host()) : List.of();
    }

    /** The run request; bad usage when the ports and modes leave nothing to test. */
    ProbeRequest request(Credentials credentials) {
        List<PortMatrix.PortMode> modes = settings.ports().modes();
        String from = target.address() != null ? target.address().toString() : null;
        ProbeOptions options = new ProbeOptions(settings.timeout(), credentials, allowPlainAuth, sendTo, from);
        return new ProbeRequest(target.account(), modes, options, settings.ports().plainWanted());
    }
}
