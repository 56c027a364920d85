package dev.mailwizard.export;

import dev.mailwizard.model.HelpLink;
import dev.mailwizard.model.ProviderNeeds;

import java.util.ArrayList;
import java.util.List;

/**
 * The words every file shares about how the account signs in: the app password a provider wants,
 * the provider's help pages, and the command that prints a fresh OAuth2 access token for clients
 * that run one for their secret. An account whose provider no source named and that signs in with
 * a password gets no lines, so its files stay exactly as before.
 */
final class SignIn {
    private SignIn() {
    }

    /** {@code mailwizard oauth2 token ADDRESS}, the address quoted for a shell when it needs it. */
    static String tokenCommand(AccountProfile p) {
        return "mailwizard oauth2 token " + shellWord(p.address().toString());
    }

    /** Comment lines (without the comment mark) for a file that writes {@code written}. */
    static List<String> comments(AccountProfile p, List<ServerSetting> written) {
        List<String> lines = new ArrayList<>();
        boolean password = written.stream().anyMatch(s -> !s.oauth2());
        ProviderNeeds needs = p.needs().orElse(null);
        String name = Character.toUpperCase(p.providerName().charAt(0)) + p.providerName().substring(1);
        if (password && needs == ProviderNeeds.APP_PASSWORD) {
            lines.add(name + " does not accept your normal password from mail programs: use an app password");
            lines.add("(made in your account's security settings, after turning on 2-step verification).");
        }
        if (password && needs == ProviderNeeds.OAUTH2) {
            lines.add(name + " accepts only OAuth2 sign-in from mail programs, and these settings use a password,");
            lines.add("which it will refuse. Test the account again with: mailwizard probe " + p.address() + " --oauth2");
        }
        for (HelpLink h : p.help()) {
            lines.add("Help from " + p.providerName() + ": " + helpLine(h));
        }
        return lines.stream().map(Text::line).toList();
    }

    /** "description: url", or the url alone when the link has no description. */
    static String helpLine(HelpLink h) {
        return (h.description() == null || h.description().isBlank() ? "" : h.description() + ": ") + h.url();
    }

    /** The comment lines, each behind {@code mark} and a space, each ending in a line break. */
    static String comments(String mark, AccountProfile p, List<ServerSetting> written) {
        StringBuilder b = new StringBuilder();
        comments(p, written).forEach(l -> b.append(mark).append(' ').append(l).append('\n'));
        return b.toString();
    }

    /** The lines as one XML comment, continued lines indented under the first; nothing for no lines. */
    static String xmlComment(List<String> lines) {
        if (lines.isEmpty()) {
            return "";
        }
        return "<!-- " + String.join("\n     ", lines.stream().map(Text::xmlComment).toList()) + " -->\n";
    }

    /** A word for sh: as is when it holds only safe characters, else in single quotes. */
    static String shellWord(String s) {
        if (!s.isEmpty() && s.matches("[A-Za-z0-9@%+=:,./_-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
