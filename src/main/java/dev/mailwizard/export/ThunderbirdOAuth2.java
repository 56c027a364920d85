package dev.mailwizard.export;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where Thunderbird can sign in with OAuth2. Thunderbird has no OAuth2 client of its own for other
 * providers: it finds its registration by the server's name (OAuth2Providers.sys.mjs, its kHostnames
 * table: a name or any parent domain of it), and reads no issuer from a config file. Its autoconfig
 * reader skips {@code OAuth2} for any other server ("Lacking OAuth2 config") and drops the server when
 * nothing else is listed. The table is Thunderbird 153 ESR's, without its test names.
 */
final class ThunderbirdOAuth2 {
    private static final List<String> KNOWN = List.of("gmail.com", "googlemail.com", "office365.com", "outlook.com", "hotmail.com",
            "yahoo.com", "att.net", "aol.com", "imap.mail.ru", "smtp.mail.ru", "imap.yandex.com", "smtp.yandex.com",
            "imap.fastmail.com", "pop.fastmail.com", "smtp.fastmail.com", "imap.comcast.net", "pop.comcast.net",
            "smtp.comcast.net", "thundermail.com");

    private ThunderbirdOAuth2() {
    }

    static boolean knows(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return KNOWN.stream().anyMatch(k -> h.equals(k) || h.endsWith("." + k));
    }

    /** Why Thunderbird cannot sign in to this server with OAuth2, or empty when it can. */
    static Optional<String> problem(ServerSetting s) {
        if (knows(s.host())) {
            return Optional.empty();
        }
        return Optional.of("Thunderbird signs in with OAuth2 only to the providers it has its own registration for (Google, Microsoft,"
                + " Yahoo, AOL, Fastmail, Comcast, mail.ru, Yandex), and " + s.host() + " is not one of them");
    }
}
