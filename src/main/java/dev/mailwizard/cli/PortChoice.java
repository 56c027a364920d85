package dev.mailwizard.cli;

import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;
import dev.mailwizard.probe.PortMatrix;

import java.util.List;
import java.util.Set;

/**
 * Which ports and modes were asked for ({@code --port}, {@code --security}, {@code --allow-plain},
 * {@code --incoming}), checked; {@link #modes()} turns them into the pairs to try.
 *
 * @param incomingAsked the {@code --incoming} flag as given
 * @param asTyped       the options as typed, for the message when nothing is left to test
 */
record PortChoice(List<PortMatrix.Port> ports, Set<Security> securities, boolean allowPlain, boolean incomingAsked, String asTyped) {
    PortChoice {
        ports = List.copyOf(ports);
        securities = Set.copyOf(securities);
    }

    /** Incoming mail is tested: asked for, or an IMAP or POP3 port was named (which asks for it by itself). */
    boolean incoming() {
        return incomingAsked || ports.stream().anyMatch(p -> p.protocol() != Protocol.SMTP);
    }

    /** Plain connections may be tried (and recommended as a last resort). */
    boolean plainWanted() {
        return allowPlain || securities.contains(Security.PLAIN);
    }

    /** The (protocol, port, mode) pairs to try, best first; bad usage when the filters leave none. */
    List<PortMatrix.PortMode> modes() {
        List<PortMatrix.PortMode> modes = PortMatrix.plan(ports, securities, allowPlain, incoming());
        if (modes.isEmpty()) {
            throw new UsageException(asTyped + " leaves nothing to test" + (securities.contains(Security.PLAIN) ? "" : " (465 takes only tls)"));
        }
        return modes;
    }
}
