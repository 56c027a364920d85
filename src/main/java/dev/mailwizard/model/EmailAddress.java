package dev.mailwizard.model;

/**
 * An e-mail address that passed the checks a mail client needs: one '@', a local part and a
 * domain that DNS can carry. The domain is kept as A-labels; {@link #displayDomain()} gives Unicode.
 */
public record EmailAddress(String localPart, String domain) {
    private static final int MAX_LOCAL = 64;
    private static final int MAX_TOTAL = 254;

    public EmailAddress {
        if (localPart == null || localPart.isEmpty()) {
            throw new IllegalArgumentException("the address has nothing before the '@'");
        }
        domain = HostNames.toAscii(domain);
        if (HostNames.isIpLiteral(domain)) {
            throw new IllegalArgumentException("the address's domain '" + domain + "' is an IP address, not a mail domain");
        }
    }

    /**
     * Parses what a person typed.
     *
     * @throws IllegalArgumentException with a message that names the value and what to fix
     */
    public static EmailAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the e-mail address is empty");
        }
        if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            // Spaces trimmed, control characters kept (escaped): they are what the person must see.
            String shown = HostNames.printable(text.replaceAll("^ +| +$", ""));
            throw new IllegalArgumentException("e-mail address '" + shown + "' contains control characters (a line break?)");
        }
        String t = text.strip();
        String shown = HostNames.printable(t); // trimmed: leading spaces must not push the address out of the message
        if (t.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("e-mail address '" + shown + "' contains spaces");
        }
        if (t.length() > MAX_TOTAL) {
            throw new IllegalArgumentException("e-mail address '" + shown + "' is longer than " + MAX_TOTAL + " characters");
        }
        int at = t.lastIndexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException("'" + shown + "' is not an e-mail address: it has no '@'");
        }
        if (t.indexOf('@') != at) {
            throw new IllegalArgumentException("e-mail address '" + shown + "' has more than one '@'");
        }
        String local = t.substring(0, at);
        String domain = t.substring(at + 1);
        if (local.isEmpty()) {
            throw new IllegalArgumentException("e-mail address '" + shown + "' has nothing before the '@'");
        }
        if (domain.isEmpty()) {
            throw new IllegalArgumentException("e-mail address '" + shown + "' has no domain after the '@'");
        }
        if (local.length() > MAX_LOCAL) {
            throw new IllegalArgumentException("e-mail address '" + shown + "' has a local part longer than " + MAX_LOCAL + " characters");
        }
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            throw new IllegalArgumentException("e-mail address '" + shown + "' has a misplaced dot before the '@'");
        }
        if (local.chars().anyMatch(c -> "()<>,;:\\\"[]".indexOf(c) >= 0)) {
            throw new IllegalArgumentException("e-mail address '" + shown + "' has a character that is not allowed before the '@'");
        }
        try {
            return new EmailAddress(local, domain);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("e-mail address '" + shown + "': " + e.getMessage());
        }
    }

    /** Domain for display, with international names decoded. */
    public String displayDomain() {
        return HostNames.toUnicode(domain);
    }

    @Override
    public String toString() {
        return localPart + "@" + domain;
    }
}
