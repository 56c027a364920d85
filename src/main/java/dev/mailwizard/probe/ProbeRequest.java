package dev.mailwizard.probe;

import java.util.List;

/**
 * A whole probe run as the user asked for it: whose account, which port/mode pairs on each
 * candidate, and the run's options.
 *
 * @param account    the address (or host) being probed, as shown in the report
 * @param modes      port and security pairs to try on each candidate host
 * @param options    deadline, credentials, test message
 * @param allowPlain whether plain connections were requested (and may be recommended as a last resort)
 */
public record ProbeRequest(String account, List<PortMatrix.PortMode> modes, ProbeOptions options, boolean allowPlain) {
    public ProbeRequest {
        modes = List.copyOf(modes);
    }

    public String username() {
        return options.credentials() != null ? options.credentials().username() : account != null && account.contains("@") ? account : null;
    }
}
