package dev.mailwizard.export;

import dev.mailwizard.model.Security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * KDE KMail/Akonadi mail transports ({@code ~/.config/mailtransports}, KConfig). KMail's
 * {@code encryption} names are confusing: {@code SSL} is implicit TLS and {@code TLS} is STARTTLS.
 * Transport ids are derived from the account, so a second export gives the same ids. KMail's
 * {@code XOAUTH2} gets its token from its own Google or Microsoft sign-in, chosen by the server's
 * name (kmailtransport's XOAuthPasswordRequester), so other OAuth2 providers are left out.
 */
public final class KmailWriter extends OutgoingWriter {
    public static final String FILE = "mailtransports";
    /** The server name endings for which kmailtransport has a Google or a Microsoft sign-in. */
    private static final List<String> OAUTH2_HOSTS = List.of(".gmail.com", ".googlemail.com", ".outlook.com", ".office365.com", ".hotmail.com");

    public KmailWriter() {
        super("kmail", "KDE KMail (outgoing mail transports)", false);
    }

    static int transportId(AccountProfile p, ServerSetting s) {
        byte[] b = (p.address() + "|" + s.host() + ":" + s.port()).getBytes(StandardCharsets.UTF_8);
        int h = 0x811c9dc5;
        for (byte x : b) {
            h = (h ^ (x & 0xff)) * 0x01000193;
        }
        return (h & 0x7fffffff) | 0x10000000; // positive and at least nine digits, like KMail's own random ids
    }

    @Override
    Optional<String> oauth2Problem(ServerSetting s, AccountProfile p) {
        String host = s.host().toLowerCase(Locale.ROOT);
        if (OAUTH2_HOSTS.stream().noneMatch(host::endsWith)) {
            return Optional.of("KMail signs in with OAuth2 only to Gmail and Microsoft servers, and " + s.host() + " is neither");
        }
        if (!"XOAUTH2".equals(s.authMechanism())) {
            return Optional.of("KMail's OAuth2 logs in with XOAUTH2, and " + s.host() + " was tested with " + s.authMechanism());
        }
        return Optional.empty();
    }

    @Override
    ExportResult write(ExportInput input, Usable out) {
        AccountProfile p = input.profile();
        StringBuilder c = new StringBuilder();
        c.append(header("#", "KMail outgoing servers", p));
        if (out.servers().stream().anyMatch(s -> !s.oauth2())) {
            c.append("# Merge into ~/.config/mailtransports while KMail is closed. KMail asks for the password and keeps it in KWallet.\n");
        } else {
            c.append("# Merge into ~/.config/mailtransports while KMail is closed.\n");
        }
        if (out.servers().stream().anyMatch(ServerSetting::oauth2)) {
            c.append("# XOAUTH2: KMail opens the Google or Microsoft sign-in page on the first send (Microsoft: KMail from 2024 on).\n");
        }
        c.append(SignIn.comments("#", p, out.servers()));
        List<String> trustWords = TrustFiles.instead(input, "KMail", "into the system's trust store, which KMail uses (Debian and Ubuntu: copy it as /usr/local/share/ca-certificates/NAME.crt, then sudo update-ca-certificates)");
        trustWords.forEach(l -> c.append("# ").append(l).append('\n'));
        c.append("[General]\n");
        c.append("default-transport=").append(transportId(p, out.first().orElseThrow())).append("\n");
        for (ServerSetting s : out.servers()) {
            int id = transportId(p, s);
            c.append("\n[Transport ").append(id).append("]\n");
            c.append("id=").append(id).append('\n');
            c.append("name=").append(Text.line(s.host() + " (" + s.port() + ", " + s.security().label() + ")")).append('\n');
            c.append("identifier=SMTP\n");
            c.append("host=").append(s.host()).append('\n');
            c.append("port=").append(s.port()).append('\n');
            c.append("encryption=").append(s.security() == Security.TLS ? "SSL" : "TLS").append('\n');
            c.append("auth=true\n");
            c.append("authtype=").append(s.authMechanism() == null ? "PLAIN" : s.authMechanism().replace('-', '_')).append('\n');
            c.append("user=").append(Text.line(s.username())).append('\n');
            c.append("storepass=false\n");
        }
        List<String> notes = new ArrayList<>(out.notes());
        if (input.password().isPresent()) {
            notes.add("no password written: without KWallet KMail would keep it only obfuscated in this file; it asks instead");
        }
        notes.addAll(trustWords);
        return new ExportResult.Written(TrustFiles.withCaCopy(p, List.of(ExportFile.text(FILE, c.toString()))), notes);
    }
}
