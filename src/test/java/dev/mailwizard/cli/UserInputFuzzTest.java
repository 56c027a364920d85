package dev.mailwizard.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.HostMapping;
import dev.mailwizard.model.HostNames;
import dev.mailwizard.model.Ports;
import dev.mailwizard.probe.TrustMaterial;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What people type: addresses, host names, ports, {@code --port}, {@code --resolve}, and a whole
 * probe command line (validated only: nothing is contacted). The first byte picks the parser
 * ('0' address, '1' host, '2' port, '3' --resolve, '4' --port, '5' probe command line, then
 * modulo 6); the rest is the text. Every value is either accepted and round-trips, or refused
 * with IllegalArgumentException / UsageException whose one-line message names it; no other
 * exception. Inputs: src/test/resources/dev/mailwizard/cli/UserInputFuzzTestInputs/userInput/.
 */
class UserInputFuzzTest {
    private static final int PARSERS = 6;

    @FuzzTest(maxDuration = "10s")
    void userInput(byte[] data) {
        int parser = data.length == 0 ? 0 : (data[0] & 0xff) % PARSERS;
        String text = new String(data, Math.min(1, data.length), Math.max(0, data.length - 1), StandardCharsets.UTF_8);
        switch (parser) {
            case 0 -> address(text);
            case 1 -> host(text);
            case 2 -> port(text);
            case 3 -> resolve(text);
            case 4 -> portSpec(text);
            default -> probeCommandLine(text);
        }
    }

    private static void address(String text) {
        EmailAddress a;
        try {
            a = EmailAddress.parse(text);
        } catch (IllegalArgumentException e) {
            assertNamesValue(e.getMessage(), text);
            return;
        }
        assertThat(EmailAddress.parse(a.toString())).as("round trip of " + a).isEqualTo(a);
        assertThat(a.toString().length()).as(a.toString()).isLessThanOrEqualTo(254);
        assertThat(HostNames.toAscii(a.domain())).isEqualTo(a.domain());
        assertThat(a.displayDomain()).isNotBlank();
    }

    private static void host(String text) {
        String h;
        try {
            h = HostNames.toAscii(text);
        } catch (IllegalArgumentException e) {
            assertNamesValue(e.getMessage(), text);
            return;
        }
        assertThat(HostNames.toAscii(h)).as("idempotent for '%s'", text).isEqualTo(h);
        if (HostNames.isIpLiteral(h)) {
            assertThat(isIpLiteral(h)).as("'%s' accepted as an IP address", h).isTrue();
        } else {
            assertThat(h).hasSizeLessThanOrEqualTo(253).matches("[a-z0-9.-]+");
        }
        assertThat(HostNames.toUnicode(h)).isNotNull();
    }

    private static void port(String text) {
        int p;
        try {
            p = Ports.parse(text);
        } catch (IllegalArgumentException e) {
            assertNamesValue(e.getMessage(), text);
            return;
        }
        assertThat(p).isBetween(1, 65535);
        assertThat(Ports.parse(String.valueOf(p))).isEqualTo(p);
    }

    /** --resolve HOST:ADDRESS: a refusal blames the part that is wrong. */
    private static void resolve(String text) {
        String t = text.strip();
        int colon = t.indexOf(':');
        String hostPart = colon < 0 ? t : t.substring(0, colon);
        String addressPart = colon < 0 ? "" : t.substring(colon + 1);
        HostMapping m;
        try {
            m = HostMapping.parse(text);
        } catch (IllegalArgumentException e) {
            assertNamesValue(e.getMessage(), text);
            if (isIpLiteral(unbracket(addressPart))) {
                assertThat(e.getMessage()).as("'%s' is an IP address", addressPart).doesNotContain("is not an IP address");
            }
            return;
        }
        assertThat(m.host()).isEqualTo(HostNames.toAscii(hostPart));
        assertThat(isIpLiteral(unbracket(addressPart))).as(addressPart).isTrue();
    }

    private static void portSpec(String text) {
        dev.mailwizard.probe.PortMatrix.Port spec;
        try {
            spec = PortSpec.parse(text);
        } catch (UsageException e) {
            assertNamesValue(e.getMessage(), text);
            return;
        }
        assertThat(spec.port()).isBetween(1, 65535);
        assertThat(PortSpec.parse(spec.protocol().name().toLowerCase(java.util.Locale.ROOT) + ":" + spec.port())).isEqualTo(spec);
    }

    /**
     * The fields (NUL-separated, empty ones left out) are the target and the values of --host,
     * --port, --resolve, --timeout, --security, --dns, --ispdb, --user, --pin, --send-test; with
     * --no-discovery and --password-stdin, parsed by the real command tree. Only
     * {@link ProbeArguments#parse} runs (the pure parsing step): nothing is contacted.
     */
    private static void probeCommandLine(String text) {
        String[] fields = text.split("\0", -1);
        String[] options = {"--host", "--port", "--resolve", "--timeout", "--security", "--dns", "--ispdb", "--user", "--pin", "--send-test"};
        List<String> args = new ArrayList<>(List.of(fields[0], "--no-discovery", "--password-stdin"));
        for (int i = 1; i < fields.length && i <= options.length; i++) {
            if (!fields[i].isEmpty()) {
                args.add(options[i - 1] + "=" + fields[i]);
            }
        }
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        CliIo io = new CliIo(new ByteArrayInputStream("secret\n".getBytes(StandardCharsets.UTF_8)), sink, sink, TrustMaterial.only(List.of()));
        args.add(0, "probe");
        ProbeCommand command;
        try {
            CommandLine.ParseResult parsed = MailWizardCommand.commandLine(io).parseArgs(args.toArray(String[]::new));
            command = (ProbeCommand) parsed.subcommand().commandSpec().userObject();
        } catch (CommandLine.ParameterException e) {
            assertThat(e.getMessage()).as(args.toString()).isNotBlank();
            return;
        }
        ParsedProbe v;
        try {
            v = ProbeArguments.parse(command);
        } catch (UsageException e) {
            assertThat(MailWizardCommand.oneLine(e.getMessage())).as(args.toString()).isNotBlank();
            return;
        }
        // --no-discovery: a valid line names its server, as a host target or a --host.
        assertThat(v.target().host() != null || !v.typedHosts().isEmpty()).as(args.toString()).isTrue();
        assertThat(v.settings().timeout()).isPositive();
        if (command.dns != null) {
            String server = command.dns.strip().replaceFirst("^\\[(.*)\\](:\\d+)?$", "$1").replaceFirst("^([^:]*):\\d+$", "$1");
            assertThat(isIpLiteral(server)).as("--dns '%s' accepted without being an IP address (a DNS query to find the DNS server)", command.dns).isTrue();
        }
    }

    /**
     * The message, as the command line prints it (one line, control characters escaped), quotes the
     * value, or its trimmed, unbracketed or escaped start, so the person sees what was wrong.
     */
    private static void assertNamesValue(String message, String value) {
        assertThat(message).as("message for '%s'", value).isNotBlank();
        String printed = MailWizardCommand.oneLine(message);
        if (value.isBlank()) {
            return;
        }
        String stripped = value.strip();
        // A long value is shown cut ("..."), and its runs of spaces as one: its first word is always there.
        List<String> forms = List.of(value, stripped, unbracket(stripped), stripped.replaceFirst("\\.$", ""),
                stripped.replaceFirst("^0+(?=\\d)", ""), stripped.split("\\s+")[0]);
        boolean named = forms.stream().filter(f -> !f.isEmpty())
                .flatMap(f -> Stream.of(escape(f), MailWizardCommand.oneLine(f)))
                .filter(f -> !f.isEmpty())
                .anyMatch(f -> printed.contains(f.substring(0, Math.min(8, f.length()))));
        assertThat(named).as("message \"%s\" names '%s'", printed, value).isTrue();
    }

    /** As the model's messages show a value: \\r, \\n, other control characters as \\uXXXX. */
    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c == '\r' ? "\\r" : c == '\n' ? "\\n" : c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return MailWizardCommand.oneLine(b.toString());
    }

    private static String unbracket(String s) {
        return s.startsWith("[") && s.endsWith("]") && s.length() >= 2 ? s.substring(1, s.length() - 1) : s;
    }

    /** An IPv4 dotted quad or an IPv6 literal, decided without any DNS query. */
    static boolean isIpLiteral(String s) {
        if (s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return Arrays.stream(s.split("\\.")).allMatch(part -> Integer.parseInt(part) <= 255);
        }
        if (!s.contains(":") || !s.matches("[0-9A-Fa-f:.]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(s) != null; // a ':' makes Java parse a literal, never look it up
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
