package dev.mailwizard.export;

/**
 * A writer that needs at least one outgoing server it can carry: it refuses, saying why, when there
 * is none, and otherwise gets the usable ones (best first) with the notes about those left out.
 */
abstract class OutgoingWriter extends FormatWriter {
    OutgoingWriter(String id, String description, boolean holdsPassword) {
        super(id, description, holdsPassword);
    }

    @Override
    public final ExportResult write(ExportInput input) {
        Usable out = usable(input.profile().outgoing(), input.profile());
        if (out.isEmpty()) {
            return new ExportResult.Refused(out.refusal("outgoing server"));
        }
        return write(input, out);
    }

    abstract ExportResult write(ExportInput input, Usable outgoing);

    /** The first comment line of a file: what it is, for whom, and where the settings came from. */
    static String header(String commentMark, String what, AccountProfile p) {
        return commentMark + " " + what + " for " + p.address() + ", made by MailWizard " + p.origin() + ".\n";
    }
}
