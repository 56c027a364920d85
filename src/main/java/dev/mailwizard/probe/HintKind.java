package dev.mailwizard.probe;

/** The kinds of conclusion drawn across the probes of a run; the names are the JSON contract's. */
public enum HintKind {
    /** Every mail port of a host is silent or refused while the same address answers on HTTPS. */
    MAIL_PORTS_BLOCKED,
    /** Every mail port of a host is silent or refused, and HTTPS does not answer either. */
    SERVER_UNREACHABLE,
    /** None of the server names tried exists in DNS. */
    NAME_NOT_FOUND,
    /** Every port of a host that got as far as TLS shows the same certificate problem. */
    CERTIFICATE_PROBLEM,
    /** An SRV record says "." for a service: the domain deliberately does not offer it. */
    SERVICE_NOT_OFFERED,
    /** A server speaks only TLS 1.0/1.1. */
    OLD_TLS_ONLY
}
