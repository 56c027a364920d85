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
     * One probe per (host, port, mode). Port-major order, so that every host's best port starts
     * first. A host listed twice keeps its most trusted entry.
     */
    public static List<PlannedProbe> plan(List<ServerCandidate> candidates, List<PortMatrix.PortMode> modes) {
        Map<String, Boolean> hosts = new LinkedHashMap<>();
        for (ServerCandidate c : candidates) {
            if (c.protocol() == Protocol.SMTP) {
                hosts.merge(c.host(), c.trusted(), Boolean::logicalOr);
            }
        }
        List<PlannedProbe> plan = new ArrayList<>();
        for (PortMatrix.PortMode mode : modes) {
            hosts.forEach((host, trusted) -> plan.add(new PlannedProbe(Endpoint.smtp(host, mode.port(), mode.security()), trusted)));
        }
        return plan;
    }
}
