package dev.mailwizard.probe;

import dev.mailwizard.model.Outcome;

import java.util.function.UnaryOperator;

/** How one login through Jakarta Mail ended, built in {@link SmtpLogin} and {@link StoreLogin} only. */
sealed interface LoginAttempt {
    /** The same attempt with every text that came from the server (or Jakarta Mail) passed through {@code redact}. */
    LoginAttempt redacted(UnaryOperator<String> redact);

    /** The server accepted the credentials. */
    record Accepted(String mechanism, String reply, TestMessage testMessage) implements LoginAttempt {
        @Override
        public Accepted redacted(UnaryOperator<String> redact) {
            TestMessage test = testMessage == null ? null
                    : new TestMessage(testMessage.to(), testMessage.accepted(), redact.apply(testMessage.reply()));
            return new Accepted(mechanism, redact.apply(reply), test);
        }
    }

    /** The server refused the credentials (535 and kin). */
    record Rejected(String mechanism, String reply) implements LoginAttempt {
        @Override
        public Rejected redacted(UnaryOperator<String> redact) {
            return new Rejected(mechanism, redact.apply(reply));
        }
    }

    /** The connection failed before the server judged the credentials. */
    record Failed(Outcome outcome, String detail) implements LoginAttempt {
        @Override
        public Failed redacted(UnaryOperator<String> redact) {
            return new Failed(outcome, redact.apply(detail));
        }
    }
}
