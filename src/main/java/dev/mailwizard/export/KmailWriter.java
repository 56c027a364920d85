package dev.mailwizard.export;

import dev.mailwizard.model.Security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * KDE KMail/Akonadi mail transports ({@code ~/.config/mailtransports}, KConfig). KMail's
 * {@code encryption} names are confusing: {@code SSL} is implicit TLS and {@code TLS} is STARTTLS.
 * Transport ids are derived from the account, so a second export gives the same ids.
 */
public final class KmailWriter extends OutgoingWriter {
    public static final String FILE = "mailtransports";

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
    ExportResult write(ExportInput input, Usable out) {
        AccountProfile p = input.profile();
        StringBuilder c = new StringBuilder();
        c.append(header("#", "KMail outgoing servers", p));
        c.append("# Merge into ~/.config/mailtransports while KMail is closed. KMail asks for the password and keeps it in KWallet.\n");
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
        return new ExportResult.Written(List.of(ExportFile.text(FILE, c.toString())), notes);
    }
}
