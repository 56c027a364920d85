package dev.mailwizard.model;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/** A --resolve rule: connect to {@code address} whenever {@code host} is needed. */
public record HostMapping(String host, InetAddress address) {
    public HostMapping {
        host = HostNames.toAscii(host);
        Objects.requireNonNull(address, "address");
    }

    /** Parses HOST:ADDRESS (ADDRESS an IPv4 literal, or an IPv6 literal in brackets or bare). */
    public static HostMapping parse(String text) {
        String t = text == null ? "" : text.strip();
        int colon = t.indexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            throw new IllegalArgumentException("--resolve '" + HostNames.printable(t) + "' is not HOST:ADDRESS (e.g. mail.example.com:192.0.2.10)");
        }
        String host = t.substring(0, colon);
        String addr = t.substring(colon + 1);
        if (addr.startsWith("[") && addr.endsWith("]")) {
            addr = addr.substring(1, addr.length() - 1);
        }
        boolean literal = addr.matches("\\d{1,3}(\\.\\d{1,3}){3}") || addr.matches("[0-9A-Fa-f:]+(\\d{1,3}(\\.\\d{1,3}){3})?") && addr.contains(":");
        if (!literal) {
            throw new IllegalArgumentException("--resolve '" + HostNames.printable(t) + "': '" + addr + "' is not an IP address");
        }
        InetAddress address;
        try {
            HostNames.toAscii(addr);
            address = InetAddress.getByName(addr); // a literal: no DNS query
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw new IllegalArgumentException("--resolve '" + HostNames.printable(t) + "': '" + addr + "' is not an IP address");
        }
        try {
            return new HostMapping(host, address);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--resolve '" + HostNames.printable(t) + "': " + e.getMessage());
        }
    }
}
