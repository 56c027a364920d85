package dev.mailwizard.export;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where Thunderbird for Android can sign in with OAuth2. Like the desktop it has no OAuth2 client
 * for other providers: it finds its registration by the server's exact name, lower-cased, in its
 * own table (TbOAuthConfigurationFactory, release build; parent domains do not count). An account
 * imported with OAuth2 for any other server could never sign in.
 */
final class ThunderbirdAndroidOAuth2 {
    private static final Set<String> KNOWN = Set.of("imap.aol.com", "smtp.aol.com", "imap.gmail.com", "imap.googlemail.com",
            "smtp.gmail.com", "smtp.googlemail.com", "imap.fastmail.com", "smtp.fastmail.com", "outlook.office365.com",
            "smtp.office365.com", "smtp-mail.outlook.com", "imap.mail.yahoo.com", "smtp.mail.yahoo.com", "mail.tb.pro",
            "mail.thundermail.com");

    private ThunderbirdAndroidOAuth2() {
    }

    /** Why Thunderbird for Android cannot sign in to this server with OAuth2, or empty when it can. */
    static Optional<String> problem(ServerSetting s) {
        if (KNOWN.contains(s.host().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of("Thunderbird for Android signs in with OAuth2 only to the servers it has its own registration for"
                + " (Gmail, Outlook.com and Microsoft 365, Yahoo, AOL, Fastmail, Thundermail), by their exact names, and "
                + s.host() + " is not one of them");
    }
}
