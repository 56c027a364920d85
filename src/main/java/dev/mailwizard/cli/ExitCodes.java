package dev.mailwizard.cli;

import dev.mailwizard.probe.RunVerdict;

/** The exit codes of CONTRACT.md. */
public final class ExitCodes {
    public static final int WORKING = 0;
    public static final int NOTHING_SECURE = 1;
    public static final int USAGE = 2;
    public static final int LOGIN_REJECTED = 3;
    public static final int CANCELLED = 130;

    private ExitCodes() {
    }

    public static int of(RunVerdict verdict) {
        return switch (verdict) {
            case WORKING -> WORKING;
            case NOTHING_SECURE -> NOTHING_SECURE;
            case LOGIN_REJECTED -> LOGIN_REJECTED;
            case CANCELLED -> CANCELLED;
        };
    }
}
