package dev.mailwizard.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.model.AuthMethod;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.Security;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The one-login rule and the short wait for better ports, on a hand-driven clock. */
class LoginGateTest {
    private static final Endpoint P465 = Endpoint.smtp("mail.example.test", 465, Security.TLS);
    private static final Endpoint P587 = Endpoint.smtp("mail.example.test", 587, Security.STARTTLS);
    private final AtomicLong now = new AtomicLong();
    private final LoginGate gate = new LoginGate(List.of(new PlannedProbe(P465, true), new PlannedProbe(P587, true)), now::get);

    /** 587 is ready to log in and starts waiting (on another thread) for 465's diagnosis. */
    private CompletableFuture<Void> port587WaitsForBetterPorts() {
        gate.ready(P587, "587");
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                gate.awaitBetterPorts(P587, Deadline.in(Duration.ofSeconds(10)));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(waiting).isNotDone();
        return waiting;
    }

    @Test
    void aWorsePortWaitsUntilTheBetterOneIsDiagnosedThenTheBetterOneGetsTheLogin() throws Exception {
        CompletableFuture<Void> waiting = port587WaitsForBetterPorts();
        gate.ready(P465, "465");
        waiting.get(5, TimeUnit.SECONDS);
        assertThat(gate.claim(P587, "192.0.2.1", "587")).hasValueSatisfying(r -> assertThat(r).contains("checked once, at 465"));
        assertThat(gate.claim(P465, "192.0.2.1", "465")).isEmpty();
    }

    @Test
    void aStuckBetterPortHoldsTheLoginUpOnlyUntilTheWaitRunsOut() throws Exception {
        CompletableFuture<Void> waiting = port587WaitsForBetterPorts();
        // 465 never finishes (a tarpit). Each round moves the clock past the longest wait and wakes the
        // waiter with news of an unrelated port, whenever it started waiting.
        for (int port = 1; !waiting.isDone() && port < 500; port++) {
            now.addAndGet(LoginGate.MAX_WAIT.toNanos() + 1);
            gate.diagnosed(Endpoint.smtp("other.example.test", port, Security.STARTTLS));
            try {
                waiting.get(10, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException notYet) {
                // next round
            }
        }
        waiting.get(1, TimeUnit.SECONDS);
        assertThat(gate.claim(P587, "192.0.2.1", "587")).isEmpty();
    }

    @Test
    void afterARejectionNoOtherPortTries() {
        assertThat(gate.claim(P465, "192.0.2.1", "465")).isEmpty();
        gate.rejected("465", AuthMethod.PASSWORD);
        assertThat(gate.claim(P587, "192.0.2.2", "587")).hasValue("not tried: the password was already rejected at 465 (one attempt per run, so the account does not lock)");
    }

    @Test
    void aRefusedTokenIsCalledAToken() {
        assertThat(gate.claim(P465, "192.0.2.1", "465")).isEmpty();
        gate.rejected("465", AuthMethod.OAUTH2);
        assertThat(gate.claim(P587, "192.0.2.2", "587")).hasValueSatisfying(r -> assertThat(r).startsWith("not tried: the sign-in token was already rejected at 465"));
    }
}
