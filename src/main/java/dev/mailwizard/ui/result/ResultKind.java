package dev.mailwizard.ui.result;

/** What the Result step's headline says about the whole run, and so how it is coloured. */
public enum ResultKind {
    /** Secure settings work (and the login, when a password was given). */
    OK,
    /** The settings are right but the password was refused. */
    REJECTED,
    /** Only an unencrypted connection works (the person allowed plain). */
    PLAIN,
    /** Nothing secure works. */
    NONE
}
