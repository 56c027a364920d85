package dev.mailwizard.export;

import dev.mailwizard.model.Security;

import java.util.ArrayList;
import java.util.List;

/**
 * A GNOME Evolution mail transport ({@code <uid>.source}, a GKeyFile read by
 * evolution-source-registry). Security values are Camel's nicks: ssl-on-alternate-port is
 * implicit TLS, starttls-on-standard-port is STARTTLS. The password belongs in the GNOME keyring.
 */
public final class EvolutionWriter extends OutgoingWriter {
    public EvolutionWriter() {
        super("evolution", "GNOME Evolution (outgoing mail transport)", false);
    }

    /** The source's uid, which is also its file name without {@code .source}. */
    public static String uid(AccountProfile p) {
        return "mailwizard-" + p.slug() + "-smtp";
    }

    @Override
    ExportResult write(ExportInput input, Usable out) {
        AccountProfile p = input.profile();
        ServerSetting s = out.first().orElseThrow();
        StringBuilder c = new StringBuilder();
        c.append(header("#", "Evolution mail transport", p));
        c.append("# Copy to ~/.config/evolution/sources/ and restart Evolution, then choose it as the account's\n");
        c.append("# outgoing server (Edit > Accounts > Sending Email). Evolution asks for the password and keeps it in the keyring.\n");
        c.append("[Data Source]\n");
        c.append("DisplayName=").append(gkey(s.host() + " (" + s.port() + ", " + s.security().label() + ")")).append('\n');
        c.append("Enabled=true\nParent=\n\n");
        c.append("[Mail Transport]\nBackendName=smtp\n\n");
        c.append("[Authentication]\n");
        c.append("Host=").append(gkey(s.host())).append('\n');
        c.append("Port=").append(s.port()).append('\n');
        c.append("User=").append(gkey(s.username())).append('\n');
        c.append("Method=").append(s.authMechanism() == null ? "PLAIN" : s.authMechanism()).append('\n');
        c.append("RememberPassword=true\n\n");
        c.append("[Security]\n");
        c.append("Method=").append(s.security() == Security.TLS ? "ssl-on-alternate-port" : "starttls-on-standard-port").append('\n');
        List<String> notes = new ArrayList<>(out.notes());
        if (input.password().isPresent()) {
            notes.add("no password written: Evolution keeps passwords in the GNOME keyring");
        }
        return new ExportResult.Written(List.of(ExportFile.text(uid(p) + ".source", c.toString())), notes);
    }

    /** GKeyFile values: backslash escapes, no line breaks. */
    private static String gkey(String v) {
        return Text.line(v).replace("\\", "\\\\");
    }
}
