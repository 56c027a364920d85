package dev.mailwizard.cli;

import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.HostMapping;
import dev.mailwizard.model.HostNames;
import dev.mailwizard.model.Security;
import dev.mailwizard.probe.PortMatrix;
import dev.mailwizard.probe.TrustMaterial;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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
        String sendTo = sendTo(c.sendTest, c.passwordStdin);
        if (c.user != null && (c.user.isBlank() || c.user.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f))) {
            throw new UsageException("--user '" + MailWizardCommand.oneLine(c.user) + "' is empty or contains control characters");
        }
        ParsedProbe parsed = new ParsedProbe(target, hosts, settings, c.user, c.passwordStdin, sendTo, c.allowPlainAuth);
        if (c.passwordStdin && parsed.login() == null) {
            throw new UsageException("--user is needed with --password-stdin when probing a host name rather than an address");
        }
        return parsed;
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
        List<X509Certificate> cas = new ArrayList<>();
        for (Path file : s.trustCa) {
            cas.addAll(UsageException.orUsage(() -> TrustMaterial.readPem(file)));
        }
        List<String> pins = each(s.pins, pin -> UsageException.orUsage(() -> TrustMaterial.normalizePin(pin)));
        List<HostMapping> mappings = each(s.resolves, r -> UsageException.orUsage(() -> HostMapping.parse(r)));
        return new ParsedSettings(choice, timeout, cas, pins, mappings, dns, ispdb);
    }

    private static String sendTo(String sendTest, boolean passwordStdin) {
        if (sendTest == null) {
            return null;
        }
        String to = UsageException.orUsage(() -> EmailAddress.parse(sendTest), "--send-test").toString();
        if (!passwordStdin) {
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
