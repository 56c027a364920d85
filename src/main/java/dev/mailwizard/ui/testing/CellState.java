package dev.mailwizard.ui.testing;

/** One cell of the live matrix: a phase's state and what to show beside its icon. */
public record CellState(Status status, String text) {
    public enum Status { PENDING, RUNNING, DONE, FAILED, SKIPPED }

    public static final CellState PENDING = new CellState(Status.PENDING, "");
    public static final CellState RUNNING = new CellState(Status.RUNNING, "");
    public static final CellState SKIPPED = new CellState(Status.SKIPPED, "");
}
