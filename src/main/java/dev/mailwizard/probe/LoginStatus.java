package dev.mailwizard.probe;

/** The contract's login results. */
public enum LoginStatus {
    OK, REJECTED, NOT_ATTEMPTED
}
