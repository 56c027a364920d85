package dev.mailwizard.discovery;

import dev.mailwizard.model.Provider;
import dev.mailwizard.model.ServerCandidate;

import java.util.List;

/**
 * What one autoconfig or ISPDB file says: its servers, and the provider it names (null when it
 * names none): id, name, what its servers accept, its {@code <oAuth2>} endpoints and help links.
 */
record AutoconfigFile(List<ServerCandidate> servers, Provider provider) {
    AutoconfigFile {
        servers = List.copyOf(servers);
    }
}
