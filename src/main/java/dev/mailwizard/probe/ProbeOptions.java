package dev.mailwizard.probe;

import dev.mailwizard.model.Credentials;

import java.time.Duration;
import java.util.Objects;

/**
 * What a run may do: its per-probe deadline, the credentials to check (or null), whether a
 * password may cross an unencrypted connection (only on explicit request), and where a test
 * message goes.
 */
public record ProbeOptions(Duration timeout, Credentials credentials, boolean allowPlainAuth,
                           String sendTestTo, String fromAddress) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public ProbeOptions {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive");
        }
        if (sendTestTo != null && credentials == null) {
            throw new IllegalArgumentException("--send-test needs a password (--password-stdin) to log in first");
        }
    }

    /** The deadline in words: "10 s", "2.5 s", "0.4 s" (never "0 s" for a deadline under a second). */
    public String timeoutWords() {
        return java.math.BigDecimal.valueOf(timeout.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }

    public static ProbeOptions defaults() {
        return new ProbeOptions(DEFAULT_TIMEOUT, null, false, null, null);
    }
}
