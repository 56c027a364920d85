package dev.mailwizard.probe;

/** The overall result of a run, which the command line turns into its exit code. */
public enum RunVerdict {
    /** A secure configuration works (and the login succeeded, when a password was given). */
    WORKING,
    /** Nothing secure works. */
    NOTHING_SECURE,
    /** The server is good but refused the credentials. */
    LOGIN_REJECTED,
    /** The user cancelled the run. */
    CANCELLED
}
