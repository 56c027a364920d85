package dev.mailwizard.export;

import dev.mailwizard.model.Security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A GNOME Evolution mail transport ({@code <uid>.source}, a GKeyFile read by
 * evolution-source-registry). Security values are Camel's nicks: ssl-on-alternate-port is
 * implicit TLS, starttls-on-standard-port is STARTTLS. The password belongs in the GNOME keyring.
 * For OAuth2 the authentication method names one of evolution-data-server's built-in OAuth2
 * services (Google, Outlook, Yahoo), which sign in with their own client ids and log in with
 * XOAUTH2; a plain {@code XOAUTH2} method would need GNOME Online Accounts to supply the token.
 */
public final class EvolutionWriter extends OutgoingWriter {
    /**
     * evolution-data-server's OAuth2 services and the server names each takes (its guess_can_process:
     * the name contains the text, ignoring case).
     */
    private static final List<Map.Entry<String, List<String>>> SERVICES = List.of(
            Map.entry("Google", List.of(".gmail.com", ".googlemail.com", ".google.com")),
            Map.entry("Outlook", List.of(".outlook.com")),
            Map.entry("Yahoo", List.of(".yahoo.com")));

    public EvolutionWriter() {
        super("evolution", "GNOME Evolution (outgoing mail transport)", false);
    }

    /** The source's uid, which is also its file name without {@code .source}. */
    public static String uid(AccountProfile p) {
        return "mailwizard-" + p.slug() + "-smtp";
    }

    /** The built-in OAuth2 service Evolution uses for this server, if any. */
    static Optional<String> oauth2Service(ServerSetting s) {
        String host = s.host().toLowerCase(Locale.ROOT);
        return SERVICES.stream().filter(e -> e.getValue().stream().anyMatch(host::contains)).map(Map.Entry::getKey).findFirst();
    }

    @Override
    Optional<String> oauth2Problem(ServerSetting s, AccountProfile p) {
        if (oauth2Service(s).isEmpty()) {
            return Optional.of("Evolution signs in with OAuth2 by itself only to Google, Outlook.com and Yahoo servers; for " + s.host()
                    + " it needs GNOME Online Accounts (add the account in Settings > Online Accounts instead)");
        }
        if (!"XOAUTH2".equals(s.authMechanism())) {
            return Optional.of("Evolution's OAuth2 logs in with XOAUTH2, and " + s.host() + " was tested with " + s.authMechanism());
        }
        return Optional.empty();
    }

    @Override
    ExportResult write(ExportInput input, Usable out) {
        AccountProfile p = input.profile();
        ServerSetting s = out.first().orElseThrow();
        StringBuilder c = new StringBuilder();
        c.append(header("#", "Evolution mail transport", p));
        c.append("# Copy to ~/.config/evolution/sources/ and restart Evolution, then choose it as the account's\n");
        if (s.oauth2()) {
            c.append("# outgoing server (Edit > Accounts > Sending Email). OAuth2: Evolution opens ").append(Text.line(p.providerName()))
                    .append("'s sign-in page and keeps the token in the keyring.\n");
        } else {
            c.append("# outgoing server (Edit > Accounts > Sending Email). Evolution asks for the password and keeps it in the keyring.\n");
        }
        c.append(SignIn.comments("#", p, List.of(s)));
        List<String> trustWords = TrustFiles.instead(input, "Evolution", "into Evolution (Edit > Preferences > Certificates > Authorities > Import; trust it to identify websites)");
        trustWords.forEach(l -> c.append("# ").append(l).append('\n'));
        c.append("[Data Source]\n");
        c.append("DisplayName=").append(gkey(s.host() + " (" + s.port() + ", " + s.security().label() + ")")).append('\n');
        c.append("Enabled=true\nParent=\n\n");
        c.append("[Mail Transport]\nBackendName=smtp\n\n");
        c.append("[Authentication]\n");
        c.append("Host=").append(gkey(s.host())).append('\n');
        c.append("Port=").append(s.port()).append('\n');
        c.append("User=").append(gkey(s.username())).append('\n');
        c.append("Method=").append(s.oauth2() ? oauth2Service(s).orElseThrow() : s.authMechanism() == null ? "PLAIN" : s.authMechanism()).append('\n');
        c.append("RememberPassword=true\n\n");
        c.append("[Security]\n");
        c.append("Method=").append(s.security() == Security.TLS ? "ssl-on-alternate-port" : "starttls-on-standard-port").append('\n');
        List<String> notes = new ArrayList<>(out.notes());
        if (input.password().isPresent()) {
            notes.add("no password written: Evolution keeps passwords in the GNOME keyring");
        }
        notes.addAll(trustWords);
        return new ExportResult.Written(TrustFiles.withCaCopy(p, List.of(ExportFile.text(uid(p) + ".source", c.toString()))), notes);
    }

    /** GKeyFile values: backslash escapes, no line breaks. */
    private static String gkey(String v) {
        return Text.line(v).replace("\\", "\\\\");
    }
}
