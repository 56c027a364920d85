package dev.mailwizard.probe;

import dev.mailwizard.model.Outcome;

/** How one login through Jakarta Mail ended, built in {@link SmtpLogin} only. */
sealed interface LoginAttempt {
    /** The server accepted the credentials. */
    record Accepted(String mechanism, String reply, TestMessage testMessage) implements LoginAttempt {
    }

    /** The server refused the credentials (535 and kin). */
    record Rejected(String mechanism, String reply) implements LoginAttempt {
    }

    /** The connection failed before the server judged the credentials. */
    record Failed(Outcome outcome, String detail) implements LoginAttempt {
    }
}
