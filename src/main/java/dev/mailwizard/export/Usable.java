package dev.mailwizard.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Picks the servers a format can carry, best first, and collects a note for each one it drops.
 * Unencrypted servers are never written to a client file: the password would cross the network
 * readable (ADR 0008).
 */
final class Usable {
    private final List<ServerSetting> kept = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private Usable() {
    }

    /** Keeps the servers for which {@code problem} is empty; the others become notes. */
    static Usable of(List<ServerSetting> servers, Function<ServerSetting, Optional<String>> problem) {
        Usable u = new Usable();
        for (ServerSetting s : servers) {
            Optional<String> why = s.security().encrypted() ? problem.apply(s)
                    : Optional.of("it is unencrypted, and MailWizard writes only encrypted settings (the password would be readable on the network)");
            if (why.isPresent()) {
                u.notes.add("left out " + s.describe() + ": " + why.get());
            } else {
                u.kept.add(s);
            }
        }
        return u;
    }

    List<ServerSetting> servers() {
        return List.copyOf(kept);
    }

    Optional<ServerSetting> first() {
        return kept.stream().findFirst();
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    boolean isEmpty() {
        return kept.isEmpty();
    }

    /** The refusal text when nothing is left: names the first reason, so the user knows what to change. */
    String refusal(String what) {
        if (notes.isEmpty()) {
            return "no " + what + " to write: test one first (for incoming servers: probe with --incoming, or give --imap-host/--pop-host)";
        }
        return "no " + what + " this format can carry: " + notes.get(0);
    }
}
