package dev.mailwizard.probe;

import java.util.concurrent.ScheduledExecutorService;

/** What all probes of one run share. */
record ProbeContext(ProbeOptions options, TrustMaterial trust, AddressResolver resolver, LoginGate gate,
                    MailSessionFactory sessions, ScheduledExecutorService timer, ProbeListener listener, PortSpeech ports) {
}
