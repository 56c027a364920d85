package dev.mailwizard.export;

import dev.mailwizard.model.Security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Thunderbird profile preferences ({@code user.js}) for the outgoing servers. Numbers are
 * Thunderbird's: socket type 3 = SSL/TLS, 2 = STARTTLS (1, "try STARTTLS", is never written);
 * auth method 3 = normal password, 4 = encrypted password, 10 = OAuth2 (Thunderbird then signs in
 * with its own registration for the server, found by name: {@link ThunderbirdOAuth2}).
 */
public final class ThunderbirdPrefsWriter extends OutgoingWriter {
    public static final String FILE = "user.js";

    public ThunderbirdPrefsWriter() {
        super("thunderbird-prefs", "Thunderbird profile preferences (outgoing servers in user.js)", false);
    }

    @Override
    Optional<String> oauth2Problem(ServerSetting s, AccountProfile p) {
        return ThunderbirdOAuth2.problem(s);
    }

    @Override
    ExportResult write(ExportInput input, Usable out) {
        AccountProfile p = input.profile();
        List<ServerSetting> servers = out.servers();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            keys.add("mailwizard" + (i + 1));
        }
        StringBuilder js = new StringBuilder();
        js.append("// Made by MailWizard ").append(p.origin()).append(" for ").append(p.address()).append(".\n");
        js.append("// Put this file in your Thunderbird profile folder (Help > Troubleshooting Information > Profile Folder)\n");
        js.append("// while Thunderbird is closed. It is read at every start.\n");
        js.append("// Note: mail.smtpservers below REPLACES the list of outgoing servers. If you already have some, add\n");
        js.append("// \"").append(String.join(",", keys)).append("\" to your existing list instead (Settings > Config Editor).\n");
        if (servers.stream().anyMatch(s -> !s.oauth2())) {
            js.append("// No password here: Thunderbird asks on the first send and keeps it in its password manager.\n");
        }
        if (servers.stream().anyMatch(ServerSetting::oauth2)) {
            js.append("// OAuth2 (auth method 10): Thunderbird opens ").append(Text.line(p.providerName()))
                    .append("'s sign-in page on the first send and keeps the token itself.\n");
        }
        js.append(SignIn.comments("//", p, servers));
        ThunderbirdAutoconfigWriter.trustWords(input).forEach(l -> js.append("// ").append(l).append('\n'));
        js.append("user_pref(\"mail.smtpservers\", ").append(Text.quoted(String.join(",", keys))).append(");\n");
        js.append("user_pref(\"mail.smtp.defaultserver\", ").append(Text.quoted(keys.get(0))).append(");\n");
        for (int i = 0; i < servers.size(); i++) {
            ServerSetting s = servers.get(i);
            String k = "mail.smtpserver." + keys.get(i) + ".";
            js.append(pref(k + "description", Text.quoted(p.address().displayDomain() + " (" + s.port() + ", " + s.security().label() + ")")));
            js.append(pref(k + "hostname", Text.quoted(s.host())));
            js.append(pref(k + "port", Integer.toString(s.port())));
            js.append(pref(k + "try_ssl", s.security() == Security.TLS ? "3" : "2"));
            js.append(pref(k + "authMethod", s.oauth2() ? "10" : s.challengeResponse() ? "4" : "3"));
            js.append(pref(k + "username", Text.quoted(s.username())));
        }
        List<String> notes = new ArrayList<>(out.notes());
        if (input.password().isPresent()) {
            notes.add("no password written: Thunderbird keeps passwords in its password manager, not in preferences");
        }
        notes.addAll(ThunderbirdAutoconfigWriter.trustWords(input));
        return new ExportResult.Written(TrustFiles.withCaCopy(p, List.of(ExportFile.text(FILE, js.toString()))), notes);
    }

    private static String pref(String key, String value) {
        return "user_pref(\"" + key + "\", " + value + ");\n";
    }
}
