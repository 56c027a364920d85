package dev.mailwizard.export;

import java.util.List;
import java.util.Optional;

/**
 * The parts every writer has: its contract id, the line the user reads, whether it can hold a
 * password, and which servers it can carry: encrypted ones ({@link Usable}), signing in the way
 * its client can.
 */
abstract class FormatWriter implements ProfileWriter {
    private final String id;
    private final String description;
    private final boolean holdsPassword;

    FormatWriter(String id, String description, boolean holdsPassword) {
        this.id = id;
        this.description = description;
        this.holdsPassword = holdsPassword;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final boolean canHoldPassword() {
        return holdsPassword;
    }

    /**
     * Why this format's client cannot sign in to {@code s} with OAuth2, or empty when it can. A
     * format says what its client does; one that says nothing cannot carry an OAuth2 server.
     */
    Optional<String> oauth2Problem(ServerSetting s, AccountProfile p) {
        return Optional.of(id + " has no setting for an OAuth2 sign-in");
    }

    /** Any other server this format cannot carry (e.g. a port from which its client would guess the wrong TLS mode). */
    Optional<String> formatProblem(ServerSetting s) {
        return Optional.empty();
    }

    /** The servers this format can carry, best first, with a note for each one left out. */
    final Usable usable(List<ServerSetting> servers, AccountProfile p) {
        return Usable.of(servers, s -> (s.oauth2() ? oauth2Problem(s, p) : Optional.<String>empty()).or(() -> formatProblem(s)));
    }
}
