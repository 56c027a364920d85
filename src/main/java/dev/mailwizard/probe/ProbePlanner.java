package dev.mailwizard.probe;

import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.ServerCandidate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns candidate servers and a port matrix into the list of probes to run. */
public final class ProbePlanner {
    private ProbePlanner() {
    }

    /**
     * One probe per (host, port, mode): the matrix on every SMTP host, plus any port and mode a
     * source named (SRV, autoconfig) that the matrix lacks. Port-major order, so that every host's
     * best port starts first. A host listed twice keeps its most trusted entry.
     */
    public static List<PlannedProbe> plan(List<ServerCandidate> candidates, List<PortMatrix.PortMode> modes) {
        List<PlannedProbe> plan = new ArrayList<>();
        java.util.Set<Endpoint> seen = new java.util.HashSet<>();
        for (Protocol protocol : Protocol.values()) {
            List<PortMatrix.PortMode> own = modes.stream().filter(m -> m.protocol() == protocol).toList();
            if (own.isEmpty()) {
                continue;
            }
            Map<String, Boolean> hosts = new LinkedHashMap<>();
            List<Endpoint> named = new ArrayList<>();
            for (ServerCandidate c : candidates) {
                if (c.protocol() == protocol) {
                    hosts.merge(c.host(), c.trusted(), Boolean::logicalOr);
                    if (c.port() != null && c.security() != null) {
                        named.add(new Endpoint(protocol, c.host(), c.port(), c.security()));
                    }
                }
            }
            for (PortMatrix.PortMode mode : own) {
                hosts.forEach((host, trusted) -> {
                    Endpoint e = new Endpoint(protocol, host, mode.port(), mode.security());
                    if (seen.add(e)) {
                        plan.add(new PlannedProbe(e, trusted));
                    }
                });
            }
            for (Endpoint e : named) {
                boolean wanted = own.stream().anyMatch(m -> m.security() == e.security());
                if (wanted && seen.add(e)) {
                    plan.add(new PlannedProbe(e, hosts.get(e.host())));
                }
            }
        }
        return plan;
    }
}
