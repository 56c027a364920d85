package dev.mailwizard.export;

/** One client format (CONTRACT.md's export table): turns an account into the files that client reads. */
public interface ProfileWriter {
    /** The contract's format id, e.g. {@code msmtp}. */
    String id();

    /** One line for the user: which programs read it. */
    String description();

    /** Whether {@code --include-password} can put the password in this format's file. */
    boolean canHoldPassword();

    ExportResult write(ExportInput input);
}
