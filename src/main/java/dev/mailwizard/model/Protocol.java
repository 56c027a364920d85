package dev.mailwizard.model;

/** The mail protocol spoken on an endpoint. */
public enum Protocol {
    SMTP, IMAP, POP3
}
