package dev.mailwizard.model;

/**
 * A page of the provider's own help (how to make an app password, how to turn IMAP on), with a
 * short description and where we learnt the link: "ispdb", "autoconfig", "providers" (our own
 * table of well-known providers) or "reply" (the server's refusal carried it).
 */
public record HelpLink(String url, String description, String source) {
    public HelpLink {
        url = DisplayText.escape(url);
        description = DisplayText.escape(description);
    }
}
