package dev.mailwizard.export;

import dev.mailwizard.model.Security;
import dev.mailwizard.model.WellKnownPorts;

import java.util.Optional;

/**
 * Apple Mail and Outlook-style Autodiscover readers have no reliable STARTTLS switch: they pick the
 * TLS mode from the port (465/993/995 implicit TLS; 25/587/143/110 STARTTLS). A server on any other
 * port would be set up in a mode that may not be the one we tested, so those formats leave it out.
 */
final class StandardPorts {
    private StandardPorts() {
    }

    static Optional<String> problem(ServerSetting s, String client) {
        Security implied = WellKnownPorts.implied(s.protocol(), s.port());
        if (implied == s.security()) {
            return Optional.empty();
        }
        return Optional.of(client + " picks the TLS mode from the port, and port " + s.port() + " is not a standard "
                + s.protocol() + " port for " + s.security().label() + "; use the thunderbird format, which names the mode");
    }
}
