package dev.mailwizard.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The trust the settings depend on, as the exported files carry it. The CA certificates are copied
 * into the export folder ({@code SLUG-ca.pem}, written 0600 like every file) and the files name
 * that copy: as {@code ~/…} when the folder is inside the home directory (msmtp, NeoMutt and git
 * expand it; Spring reads {@code ${user.home}}), so the folder works for another user on another
 * machine kept at the same place in their home; as an absolute path otherwise. For clients that
 * cannot be given a CA file or a fingerprint, the words say what the person does instead.
 */
final class TrustFiles {
    private TrustFiles() {
    }

    static String caFileName(AccountProfile p) {
        return p.slug() + "-ca.pem";
    }

    /** The CA copy for the export folder, when the settings depend on a CA of their own. */
    static Optional<ExportFile> caCopy(AccountProfile p) {
        return p.trust().hasCa() ? Optional.of(ExportFile.text(caFileName(p), p.trust().caPem())) : Optional.empty();
    }

    /** {@code files} plus the CA copy, when there is one. */
    static List<ExportFile> withCaCopy(AccountProfile p, List<ExportFile> files) {
        List<ExportFile> all = new ArrayList<>(files);
        caCopy(p).ifPresent(all::add);
        return all;
    }

    static Path absolute(ExportInput in) {
        return in.folder().resolve(caFileName(in.profile()));
    }

    /** The copy's path relative to the home directory, when the folder is inside it. */
    static Optional<String> underHome(ExportInput in) {
        Path copy = absolute(in);
        return copy.startsWith(in.home()) && !copy.equals(in.home())
                ? Optional.of(in.home().relativize(copy).toString().replace('\\', '/')) : Optional.empty();
    }

    /** For clients that expand {@code ~}: msmtp, NeoMutt, git. */
    static String tildePath(ExportInput in) {
        return underHome(in).map(r -> "~/" + r).orElse(absolute(in).toString());
    }

    /** Comment lines (without the mark) naming the CA file the settings were tested with and its copy. */
    static List<String> caOrigin(ExportInput in) {
        ExportTrust t = in.profile().trust();
        if (!t.hasCa()) {
            return List.of();
        }
        return List.of(Text.line("The server's certificate comes from a CA of your own (tested with " + String.join(", ", t.caSources()) + ");"),
                Text.line("a copy is next to this file: " + caFileName(in.profile()) + ". Keep them together."));
    }

    /**
     * What the person does instead, for a client that cannot be told the CA or the pins: the CA to
     * import ({@code howToImport}: where in that client) and the fingerprint to compare.
     */
    static List<String> instead(ExportInput in, String client, String howToImport) {
        ExportTrust t = in.profile().trust();
        List<String> lines = new ArrayList<>();
        if (t.hasCa()) {
            lines.add(Text.line(client + " cannot be told about your own CA in this file: import " + caFileName(in.profile())
                    + " (next to this file) " + howToImport + " before you use these settings."));
        }
        for (String pin : t.pins()) {
            lines.add(Text.line(client + " cannot be given a pinned certificate: when it shows the server's certificate,"
                    + " accept it only if its SHA-256 fingerprint is " + pin + "."));
        }
        return lines;
    }

    /** The pin words for a client that takes a CA file but no fingerprint. */
    static List<String> pinsNotCarried(ExportInput in, String client) {
        return in.profile().trust().pins().stream().map(pin -> Text.line(client + " cannot be given a pinned certificate: when it"
                + " asks about the server's certificate, accept it only if its SHA-256 fingerprint is " + pin + ".")).toList();
    }
}
