package dev.mailwizard.probe;

import dev.mailwizard.model.AuthMethod;
import dev.mailwizard.model.LoginDiagnosis;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Phrase;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a refused login's reply as a help desk would: SMTP reply codes and enhanced status codes
 * (RFC 3463, RFC 5248: 5.7.8 bad credentials, 5.7.9 mechanism too weak, 4.x.x temporary), IMAP
 * response codes (RFC 5530: AUTHENTICATIONFAILED, UNAVAILABLE, CONTACTADMIN, EXPIRED) and POP3
 * ones (RFC 2449/3206: [AUTH], [SYS/TEMP], [IN-USE]), plus the words big providers put in their
 * replies. The rules go from specific (provider words) to generic (codes); the first match wins.
 */
final class LoginReplyDiagnosis {
    private static final Pattern SMTP_CODE = Pattern.compile("^([2-5])\\d\\d[ -]");
    private static final Pattern ENHANCED = Pattern.compile("(?<![\\d.])([245])\\.\\d{1,3}\\.\\d{1,3}(?![\\d.]*\\d)");
    private static final Pattern RESPONSE_CODE = Pattern.compile("\\[([A-Za-z/-]+)[ \\]]");
    private static final Pattern LINK = Pattern.compile("https://[A-Za-z0-9._~:/?#@!$&'*+,;=%-]+");

    /** One reply, taken apart once. {@code codes} are IMAP/POP3 response codes, upper case. */
    private record Reply(String text, Protocol protocol, String smtpCode, String enhanced, List<String> codes) {
        boolean says(String... phrases) {
            return List.of(phrases).stream().anyMatch(text::contains);
        }

        boolean code(String... names) {
            return List.of(names).stream().anyMatch(codes::contains);
        }

        boolean status(String... values) {
            return enhanced != null && List.of(values).contains(enhanced);
        }
    }

    private record Rule(LoginDiagnosis diagnosis, Predicate<Reply> matches) {
    }

    /** Specific first: several providers answer 535 whatever the reason, and only their words tell. */
    private static final List<Rule> RULES = List.of(
            new Rule(LoginDiagnosis.APP_PASSWORD_REQUIRED, r -> r.says("application-specific password", "app password required")
                    || r.says("invalidsecondfactor")),
            new Rule(LoginDiagnosis.WEB_LOGIN_REQUIRED, r -> r.code("WEBALERT") || r.says("web login required",
                    "log in via your web browser", "sign in via your web browser")),
            new Rule(LoginDiagnosis.AUTH_DISABLED_BY_ADMIN, r -> r.says("smtpclientauthentication is disabled", "smtp_auth_disabled",
                    "disabled for the tenant") || r.code("CONTACTADMIN")),
            new Rule(LoginDiagnosis.BASIC_AUTH_DISABLED, r -> r.says("basic authentication is disabled", "basic authentication is not supported",
                    "basicauthblocked") || r.status("5.7.139", "5.7.30")),
            new Rule(LoginDiagnosis.TOO_MANY_ATTEMPTS, r -> r.says("too many bad auth", "too many login", "too many failed",
                    "too many authentication", "too many invalid", "#auth005")),
            new Rule(LoginDiagnosis.TOKEN_REJECTED, r -> r.says("invalid_token", "invalid token", "token expired", "token has expired")),
            new Rule(LoginDiagnosis.TEMPORARY, r -> (r.smtpCode != null && r.smtpCode.startsWith("4")) || (r.enhanced != null && r.enhanced.startsWith("4."))
                    || r.code("UNAVAILABLE", "SYS/TEMP", "IN-USE")),
            new Rule(LoginDiagnosis.CREDENTIALS_WRONG, r -> r.status("5.7.8", "5.7.3") || "535".equals(r.smtpCode)
                    || r.code("AUTHENTICATIONFAILED", "AUTH", "EXPIRED")
                    || r.says("invalid credentials", "authentication failed", "login failed", "authentication unsuccessful",
                    "username and password not accepted", "invalid password", "bad password")));

    /**
     * What a refused token can still be told apart from the token being bad: the reply says to try
     * later, that there were too many attempts, or that the administrator turned the protocol's
     * login off (Microsoft answers a valid token so when SMTP AUTH is disabled for the tenant).
     */
    private static final EnumSet<LoginDiagnosis> SPECIFIC_FOR_TOKENS = EnumSet.of(LoginDiagnosis.TEMPORARY,
            LoginDiagnosis.TOO_MANY_ATTEMPTS, LoginDiagnosis.AUTH_DISABLED_BY_ADMIN);

    private LoginReplyDiagnosis() {
    }

    /** The diagnosis of a refused password: {@link #read(Protocol, String, String, AuthMethod)} with PASSWORD. */
    static RefusalDiagnosis read(Protocol protocol, String host, String reply) {
        return read(protocol, host, reply, AuthMethod.PASSWORD);
    }

    /**
     * The diagnosis of {@code reply} (the server's words, as received) from {@code host}, with advice
     * and help link. A refused OAuth2 token is TOKEN_REJECTED (Gmail answers a bad token with the
     * same "Username and Password not accepted" as a bad password) unless the reply says something
     * more specific ({@link #SPECIFIC_FOR_TOKENS}).
     */
    static RefusalDiagnosis read(Protocol protocol, String host, String reply, AuthMethod method) {
        Reply r = parse(protocol, reply == null ? "" : reply);
        LoginDiagnosis matched = RULES.stream().filter(rule -> rule.matches.test(r)).map(Rule::diagnosis).findFirst().orElse(LoginDiagnosis.UNKNOWN);
        LoginDiagnosis d = method == AuthMethod.OAUTH2 && !SPECIFIC_FOR_TOKENS.contains(matched) ? LoginDiagnosis.TOKEN_REJECTED : matched;
        Optional<ProviderHelp> provider = ProviderHelp.forServer(host);
        String link = helpLink(reply).orElseGet(() -> provider.map(p -> p.link(d)).orElse(null));
        return new RefusalDiagnosis(d, advice(d, provider), link);
    }

    private static Reply parse(Protocol protocol, String reply) {
        String text = reply.toLowerCase(Locale.ROOT);
        String smtpCode = null;
        String enhanced = null;
        if (protocol == Protocol.SMTP) {
            // The final reply line decides: a token refusal comes as "334 <error challenge> / 535 ...".
            String last = finalReplyLine(reply);
            smtpCode = last == null ? null : last.substring(0, 3);
            Matcher e = ENHANCED.matcher(last == null ? reply : last);
            Matcher anywhere = ENHANCED.matcher(reply);
            enhanced = e.find() ? e.group() : anywhere.find() ? anywhere.group() : null;
        }
        List<String> codes = RESPONSE_CODE.matcher(reply).results().map(m -> m.group(1).toUpperCase(Locale.ROOT)).toList();
        return new Reply(text, protocol, smtpCode, enhanced, codes);
    }

    /** The last line (of those joined with " / " or on lines of their own) that starts with an SMTP reply code, or null. */
    private static String finalReplyLine(String reply) {
        List<String> lines = List.of(reply.split(" / |\\r?\\n"));
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).strip();
            if (SMTP_CODE.matcher(line).find()) {
                return line;
            }
        }
        return null;
    }

    /** The first https link in the reply that points to a provider's help site. */
    static Optional<String> helpLink(String reply) {
        if (reply == null) {
            return Optional.empty();
        }
        return LINK.matcher(reply).results().map(m -> m.group().replaceAll("[.,;:)]+$", ""))
                .filter(LoginReplyDiagnosis::onHelpSite).findFirst();
    }

    private static boolean onHelpSite(String link) {
        try {
            String host = URI.create(link).getHost();
            return host != null && ProviderHelp.isHelpHost(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The diagnosis' advice, with the provider's name; Yahoo and AOL want an app password though their reply does not say so. */
    private static Phrase advice(LoginDiagnosis d, Optional<ProviderHelp> provider) {
        Phrase plain = Phrase.of(d.key() + ".advice");
        if (provider.isEmpty()) {
            return plain;
        }
        ProviderHelp p = provider.get();
        if (d == LoginDiagnosis.CREDENTIALS_WRONG && p.appPasswordForMailApps()) {
            return Phrase.together(Phrase.of("diagnosis.provider.app_password_for_mail_apps", p.name()),
                    Phrase.of(LoginDiagnosis.APP_PASSWORD_REQUIRED.key() + ".advice"));
        }
        if (d == LoginDiagnosis.APP_PASSWORD_REQUIRED) {
            return Phrase.together(Phrase.of("diagnosis.provider.app_password_required", p.name()), plain);
        }
        return plain;
    }
}
