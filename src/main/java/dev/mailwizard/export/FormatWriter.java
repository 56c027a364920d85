package dev.mailwizard.export;

/** The parts every writer has: its contract id, the line the user reads, and whether it can hold a password. */
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
}
