package dev.mailwizard.probe;

import dev.mailwizard.model.Outcome;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.Security;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recorder is written by the probe's thread and read by the deadline timer and cancel(). */
class ProbeRecorderTest {
    @Test
    void everyFindingIsPublishedSafelyToTheThreadThatEndsTheProbe() {
        List<String> unsafe = Arrays.stream(ProbeRecorder.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()) && !Modifier.isFinal(f.getModifiers()) && !Modifier.isVolatile(f.getModifiers()))
                .map(Field::getName).toList();
        assertThat(unsafe).as("fields another thread reads through finish()").isEmpty();
    }

    @Test
    void aResultBuiltFromAnotherThreadCarriesWhatTheProbeRecorded() throws Exception {
        ProbeRecorder rec = new ProbeRecorder(Endpoint.smtp("mail.example.test", 465, Security.TLS));
        Thread probe = new Thread(() -> {
            rec.address = "192.0.2.7";
            rec.banner = "220 mail.example.test ESMTP";
            rec.connectMs = 3L;
            rec.enter(Phase.TLS);
        });
        probe.start();
        probe.join();
        ProbeResult r = rec.finish(Outcome.TIMEOUT, "stuck");
        assertThat(r.address()).isEqualTo("192.0.2.7");
        assertThat(r.banner()).isEqualTo("220 mail.example.test ESMTP");
        assertThat(r.connected()).isTrue();
        assertThat(rec.phase()).isEqualTo(Phase.TLS);
    }
}
