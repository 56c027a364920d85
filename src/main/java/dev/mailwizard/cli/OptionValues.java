package dev.mailwizard.cli;

import dev.mailwizard.model.Ports;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;

/** Readers for single option values that several commands share; each throws {@link UsageException} naming the value. */
final class OptionValues {
    private static final BigDecimal MAX_TIMEOUT = BigDecimal.valueOf(600);

    private OptionValues() {
    }

    /** {@code --timeout SECONDS}: more than 0, at most 600, at least 0.1. */
    static Duration timeout(String value) {
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--timeout '" + value + "' is not a number of seconds (e.g. 10 or 2.5)");
        }
        if (seconds.signum() <= 0 || seconds.compareTo(MAX_TIMEOUT) > 0) {
            throw new UsageException("--timeout '" + value + "' must be more than 0 and at most " + MAX_TIMEOUT + " seconds");
        }
        long millis = seconds.movePointRight(3).longValue();
        if (millis < 100) {
            throw new UsageException("--timeout '" + value + "' is too short: use at least 0.1 seconds");
        }
        return Duration.ofMillis(millis);
    }

    /** A number of seconds for {@code option}: more than 0, at most {@code max}. */
    static Duration seconds(String option, String value, int max) {
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " '" + value + "' is not a number of seconds (e.g. 300)");
        }
        if (seconds.signum() <= 0 || seconds.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new UsageException(option + " '" + value + "' must be more than 0 and at most " + max + " seconds");
        }
        return Duration.ofMillis(seconds.movePointRight(3).longValue());
    }

    /** {@code --dns SERVER[:PORT]}: an IP address (IPv6 in brackets when a port follows), port 53 by default. */
    static InetSocketAddress dns(String value) {
        String v = value.strip();
        String host = v;
        int port = 53;
        if (v.startsWith("[")) {
            int close = v.indexOf(']');
            if (close < 0) {
                throw new UsageException("--dns '" + value + "' is not SERVER[:PORT]");
            }
            host = v.substring(1, close);
            if (v.length() > close + 1) {
                if (v.charAt(close + 1) != ':') {
                    throw new UsageException("--dns '" + value + "' is not SERVER[:PORT]");
                }
                port = dnsPort(value, v.substring(close + 2));
            }
        } else if (v.indexOf(':') >= 0 && v.indexOf(':') == v.lastIndexOf(':')) {
            host = v.substring(0, v.indexOf(':'));
            port = dnsPort(value, v.substring(v.indexOf(':') + 1));
        }
        // An IPv6 literal has a ':'; without one, "cafe" or "1" would be looked up or read as 0.0.0.1.
        if (!host.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !(host.matches("[0-9A-Fa-f:]+") && host.contains(":"))) {
            throw new UsageException("--dns '" + value + "': the server must be an IP address (e.g. 127.0.0.1:5353 or [::1]:53)");
        }
        try {
            dev.mailwizard.model.HostNames.toAscii(host); // 999.1.1.1 is no IPv4 address; Java would look it up as a name
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw new UsageException("--dns '" + value + "': '" + host + "' is not an IP address");
        }
    }

    private static int dnsPort(String option, String text) {
        try {
            return Ports.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--dns '" + option + "': " + e.getMessage());
        }
    }

    /** {@code --ispdb URL}: an http(s) URL with a host. */
    static URI ispdb(String value) {
        try {
            URI uri = new URI(value.strip());
            if (uri.getHost() == null || !(uri.getScheme().equalsIgnoreCase("https") || uri.getScheme().equalsIgnoreCase("http"))) {
                throw new URISyntaxException(value, "not an http(s) URL with a host");
            }
            return uri;
        } catch (URISyntaxException | NullPointerException e) {
            throw new UsageException("--ispdb '" + value + "' is not an http(s) URL (e.g. https://autoconfig.thunderbird.net/v1.1/)");
        }
    }
}
