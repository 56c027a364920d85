package dev.mailwizard.probe;

import dev.mailwizard.model.HostMapping;
import dev.mailwizard.model.HostNames;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns host names into addresses, honouring {@code --resolve} rules first. The host name itself
 * is kept by callers for SNI and certificate checks.
 */
public final class AddressResolver {
    private final Map<String, InetAddress> overrides;

    public AddressResolver(List<HostMapping> mappings) {
        this.overrides = mappings.stream().collect(Collectors.toUnmodifiableMap(HostMapping::host, HostMapping::address, (a, b) -> a));
    }

    public static AddressResolver system() {
        return new AddressResolver(List.of());
    }

    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress mapped = overrides.get(host);
        if (mapped != null) {
            return new InetAddress[]{mapped};
        }
        if (HostNames.isIpLiteral(host)) {
            return new InetAddress[]{InetAddress.getByName(host)};
        }
        return InetAddress.getAllByName(host);
    }
}
