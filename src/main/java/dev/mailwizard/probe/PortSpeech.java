package dev.mailwizard.probe;

import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What each port of one run has proven to speak, so that a probe trying the same port the other
 * way (implicit TLS versus a plain greeting first) ends at once instead of waiting for its deadline:
 * an implicit-TLS server never greets a STARTTLS probe. The first proof for a port stands; a probe
 * that proved something is never ended by its sibling.
 */
final class PortSpeech {
    /** How a port starts a connection. */
    enum Speech {
        /** A TLS handshake completed before any mail protocol text. */
        IMPLICIT_TLS,
        /** The server greeted in plain text. */
        PLAIN_FIRST
    }

    private record Port(Protocol protocol, String host, int port) {
        static Port of(Endpoint e) {
            return new Port(e.protocol(), e.host().toLowerCase(Locale.ROOT), e.port());
        }
    }

    private final Map<Port, Speech> proven = new HashMap<>();
    /** Running probes and how to end each one with a reason. */
    private final Map<Endpoint, Consumer<String>> running = new HashMap<>();

    /**
     * A probe starts; {@code end} ends it with a reason if its port turns out to speak the other way.
     * Returns that reason when the port has already shown it, or null when the probe should run.
     */
    synchronized String join(Endpoint endpoint, Consumer<String> end) {
        Speech known = proven.get(Port.of(endpoint));
        if (known != null && futile(endpoint, known)) {
            return reason(endpoint, known);
        }
        running.put(endpoint, end);
        return null;
    }

    /** The probe ended, by itself or not. */
    synchronized void leave(Endpoint endpoint) {
        running.remove(endpoint);
    }

    /** The probe of {@code endpoint} saw what its port speaks: its running siblings that expect the other are ended. */
    void proven(Endpoint endpoint, Speech speech) {
        List<Map.Entry<Endpoint, Consumer<String>>> futile;
        synchronized (this) {
            if (proven.putIfAbsent(Port.of(endpoint), speech) != null) {
                return;
            }
            futile = running.entrySet().stream()
                    .filter(e -> Port.of(e.getKey()).equals(Port.of(endpoint)) && futile(e.getKey(), speech))
                    .map(e -> Map.entry(e.getKey(), e.getValue())).toList();
            futile.forEach(e -> running.remove(e.getKey()));
        }
        futile.forEach(e -> e.getValue().accept(reason(e.getKey(), speech)));
    }

    private static boolean futile(Endpoint probe, Speech speech) {
        return (probe.security() == Security.TLS) != (speech == Speech.IMPLICIT_TLS);
    }

    /** Why a probe of {@code probe} was not needed. */
    static String reason(Endpoint probe, Speech speech) {
        if (speech == Speech.IMPLICIT_TLS) {
            return "this port speaks implicit TLS, as the completed TLS handshake on port " + probe.port()
                    + " showed, so a plain greeting would never come; not needed";
        }
        String upgrade = probe.protocol() == Protocol.POP3 ? "STLS" : "STARTTLS";
        return "this port speaks plain " + probe.protocol() + " first (" + upgrade + "), as its greeting in plain text on port "
                + probe.port() + " showed, so an SSL/TLS handshake there cannot work; not needed";
    }
}
