package dev.mailwizard.probe;

/** The steps of one probe, in order; listeners hear each as it starts. */
public enum Phase {
    RESOLVE, CONNECT, GREETING, EHLO, STARTTLS, TLS, EHLO_AFTER_TLS, LOGIN, SEND_TEST, DONE
}
