package dev.mailwizard.probe;

import dev.mailwizard.model.LoginDiagnosis;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The few big providers whose refusals need more than their reply says, known by the server's
 * domain: the provider's name, its help page per diagnosis, and whether mail programs need an app
 * password there even when the reply only says "invalid credentials" (Yahoo, AOL).
 *
 * <p>Where the links come from: the Google ones are those Gmail's own replies carry (535 5.7.8,
 * IMAP ALERTs, see {@code LoginReplyDiagnosisTest}); aka.ms/smtp_auth_disabled is the one in
 * Microsoft's 5.7.139 tenant reply; the others are the providers' help pages for app passwords
 * and basic authentication, copied from their help sites by hand (no reply carries them).
 */
record ProviderHelp(String name, List<String> domains, boolean appPasswordForMailApps, Map<LoginDiagnosis, String> links) {
    static final List<ProviderHelp> KNOWN = List.of(
            new ProviderHelp("Gmail", List.of("gmail.com", "googlemail.com", "google.com"), false, Map.of(
                    LoginDiagnosis.APP_PASSWORD_REQUIRED, "https://support.google.com/accounts/answer/185833",
                    LoginDiagnosis.CREDENTIALS_WRONG, "https://support.google.com/mail/answer/14257",
                    LoginDiagnosis.WEB_LOGIN_REQUIRED, "https://support.google.com/mail/accounts/answer/78754")),
            new ProviderHelp("Microsoft", List.of("outlook.com", "office365.com", "hotmail.com", "live.com"), false, Map.of(
                    LoginDiagnosis.BASIC_AUTH_DISABLED,
                    "https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/deprecation-of-basic-authentication-exchange-online",
                    LoginDiagnosis.AUTH_DISABLED_BY_ADMIN, "https://aka.ms/smtp_auth_disabled")),
            new ProviderHelp("Yahoo", List.of("yahoo.com", "yahoo.co.uk", "ymail.com"), true, Map.of(
                    LoginDiagnosis.CREDENTIALS_WRONG, "https://help.yahoo.com/kb/SLN15241.html",
                    LoginDiagnosis.APP_PASSWORD_REQUIRED, "https://help.yahoo.com/kb/SLN15241.html")),
            new ProviderHelp("AOL", List.of("aol.com"), true, Map.of(
                    LoginDiagnosis.CREDENTIALS_WRONG, "https://help.aol.com/articles/Create-and-manage-app-password",
                    LoginDiagnosis.APP_PASSWORD_REQUIRED, "https://help.aol.com/articles/Create-and-manage-app-password")));

    /** Hosts whose https links in a reply are taken as the help link: the providers' own help sites. */
    static final List<String> HELP_HOSTS = List.of("support.google.com", "aka.ms", "learn.microsoft.com", "support.microsoft.com",
            "help.yahoo.com", "help.aol.com");

    /** The provider that runs this server name (smtp.gmail.com, outlook.office365.com, imap.mail.yahoo.com), if known. */
    static Optional<ProviderHelp> forServer(String host) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return KNOWN.stream().filter(p -> p.domains.stream().anyMatch(d -> h.equals(d) || h.endsWith("." + d))).findFirst();
    }

    /** Whether a link found in a reply points to a provider's help site. */
    static boolean isHelpHost(String linkHost) {
        String h = linkHost.toLowerCase(Locale.ROOT);
        return HELP_HOSTS.stream().anyMatch(d -> h.equals(d) || h.endsWith("." + d));
    }

    String link(LoginDiagnosis d) {
        return links.get(d);
    }
}
