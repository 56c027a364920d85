package dev.mailwizard.cli;

import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.HostMapping;
import dev.mailwizard.model.HostNames;
import dev.mailwizard.model.Security;
import dev.mailwizard.probe.PortMatrix;
import dev.mailwizard.probe.TrustMaterial;
import dev.mailwizard.signin.RegistrationsFile;
import dev.mailwizard.signin.SignInFlow;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the options of {@code probe} (and the shared ones of {@code batch}) into checked, typed
 * values. It reads the {@code --trust-ca} files and nothing else: no standard input, no network,
 * and the command's fields stay as picocli set them. Throws {@link UsageException} naming the
 * first bad value; the options are checked in the order they always were, so with two bad values
 * the same one is named.
 */
final class ProbeArguments {
    private ProbeArguments() {
    }

    static ParsedProbe parse(ProbeCommand c) {
        InetSocketAddress dns = c.dns == null ? null : OptionValues.dns(c.dns);
        URI ispdb = c.ispdb == null ? null : OptionValues.ispdb(c.ispdb);
        ParsedProbe.Target target = ParsedProbe.Target.parse(c.target);
        List<String> hosts = each(c.hosts, h -> UsageException.orUsage(() -> HostNames.toAscii(h), "--host '" + HostNames.toUnicode(h.strip()) + "'"));
        if (c.noDiscovery && hosts.isEmpty() && target.host() == null) {
            throw new UsageException("--no-discovery needs at least one --host");
        }
        ParsedSettings settings = settings(c, dns, ispdb);
        LoginSecret secret = secret(c);
        String sendTo = sendTo(c.sendTest, secret != LoginSecret.NONE);
        if (c.user != null && (c.user.isBlank() || c.user.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f))) {
            throw new UsageException("--user '" + MailWizardCommand.oneLine(c.user) + "' is empty or contains control characters");
        }
        ParsedProbe parsed = new ParsedProbe(target, hosts, settings, c.user, secret, sendTo, c.allowPlainAuth, signIn(c, secret));
        if (secret != LoginSecret.NONE && parsed.login() == null) {
            throw new UsageException("--user is needed with " + secret.option() + " when probing a host name rather than an address");
        }
        return parsed;
    }

    /** The one option that gives the login's secret; two of them are bad usage. */
    private static LoginSecret secret(ProbeCommand c) {
        if (c.oauth2TokenStdin && c.passwordStdin) {
            throw new UsageException("--oauth2-token-stdin and --password-stdin both read standard input: use one");
        }
        if (c.oauth2 && (c.oauth2TokenStdin || c.passwordStdin)) {
            throw new UsageException("--oauth2 signs in in the browser; " + (c.passwordStdin ? "--password-stdin" : "--oauth2-token-stdin")
                    + " gives the secret on standard input: use one");
        }
        return c.oauth2 ? LoginSecret.OAUTH2 : c.oauth2TokenStdin ? LoginSecret.TOKEN_STDIN : c.passwordStdin ? LoginSecret.PASSWORD_STDIN : LoginSecret.NONE;
    }

    /** The --oauth2 options; given without --oauth2 they would do nothing, so they are bad usage. */
    private static SignInOptions signIn(ProbeCommand c, LoginSecret secret) {
        if (secret != LoginSecret.OAUTH2) {
            String orphan = c.oauth2Remember ? "--oauth2-remember" : c.oauth2Config != null ? "--oauth2-config" : c.oauth2Wait != null ? "--oauth2-wait" : null;
            if (orphan != null) {
                throw new UsageException(orphan + " is used only with --oauth2 (the sign-in in the browser)");
            }
        }
        Duration wait = c.oauth2Wait == null ? SignInFlow.DEFAULT_WAIT : OptionValues.seconds("--oauth2-wait", c.oauth2Wait, 3600);
        Path file = c.oauth2Config != null ? c.oauth2Config : RegistrationsFile.defaultPath();
        return new SignInOptions(file, c.oauth2Config != null, c.oauth2Remember, wait);
    }

    /** The shared options alone: batch checks them once, before any line. */
    static ParsedSettings settings(ProbeSettings s) {
        InetSocketAddress dns = s.dns == null ? null : OptionValues.dns(s.dns);
        URI ispdb = s.ispdb == null ? null : OptionValues.ispdb(s.ispdb);
        return settings(s, dns, ispdb);
    }

    private static ParsedSettings settings(ProbeSettings s, InetSocketAddress dns, URI ispdb) {
        List<PortMatrix.Port> ports = each(s.ports, PortSpec::parse);
        Set<Security> securities = EnumSet.noneOf(Security.class);
        for (String value : s.securities) {
            securities.add(UsageException.orUsage(() -> Security.parse(value), "--security"));
        }
        PortChoice choice = new PortChoice(ports, securities, s.allowPlain, s.incoming, "--port " + s.ports + " with --security " + s.securities);
        var timeout = OptionValues.timeout(s.timeout);
        Map<Path, List<X509Certificate>> cas = new LinkedHashMap<>();
        for (Path file : s.trustCa) {
            cas.put(file, UsageException.orUsage(() -> TrustMaterial.readPem(file)));
        }
        List<String> pins = each(s.pins, pin -> UsageException.orUsage(() -> TrustMaterial.normalizePin(pin)));
        List<HostMapping> mappings = each(s.resolves, r -> UsageException.orUsage(() -> HostMapping.parse(r)));
        return new ParsedSettings(choice, timeout, cas, pins, mappings, dns, ispdb);
    }

    private static String sendTo(String sendTest, boolean loginSecret) {
        if (sendTest == null) {
            return null;
        }
        String to = UsageException.orUsage(() -> EmailAddress.parse(sendTest), "--send-test").toString();
        if (!loginSecret) {
            throw new UsageException("--send-test needs --password-stdin: the message is sent after a successful login");
        }
        return to;
    }

    private static <T> List<T> each(List<String> values, Function<String, T> parse) {
        List<T> out = new ArrayList<>();
        for (String v : values) {
            out.add(parse.apply(v));
        }
        return out;
    }
}
