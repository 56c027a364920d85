package dev.mailwizard.export;

import dev.mailwizard.model.Security;

import java.util.ArrayList;
import java.util.List;

/**
 * Session properties for Jakarta Mail / Angus Mail applications ({@code mail.properties}). Always
 * with timeouts (Jakarta Mail waits forever by default) and with the server identity check on.
 */
public final class JakartaMailWriter extends OutgoingWriter {
    public static final String FILE = "mail.properties";

    public JakartaMailWriter() {
        super("jakarta", "Jakarta Mail / Angus Mail applications (session properties)", false);
    }

    @Override
    ExportResult write(ExportInput input, Usable out) {
        AccountProfile p = input.profile();
        ServerSetting s = out.first().orElseThrow();
        StringBuilder c = new StringBuilder();
        c.append(header("#", "Jakarta Mail session", p));
        c.append("# Load with Properties.load(...) and Session.getInstance(props); pass the password to\n");
        c.append("# Transport.connect(user, password) or an Authenticator, from your secret store.\n");
        c.append("mail.transport.protocol=smtp\n");
        c.append("mail.smtp.host=").append(Text.property(s.host())).append('\n');
        c.append("mail.smtp.port=").append(s.port()).append('\n');
        if (s.security() == Security.TLS) {
            c.append("mail.smtp.ssl.enable=true\n");
        } else {
            c.append("mail.smtp.starttls.enable=true\n");
            c.append("mail.smtp.starttls.required=true\n");
        }
        c.append("mail.smtp.ssl.checkserveridentity=true\n");
        c.append("mail.smtp.ssl.protocols=TLSv1.3 TLSv1.2\n");
        c.append("mail.smtp.auth=true\n");
        if (s.authMechanism() != null) {
            c.append("mail.smtp.auth.mechanisms=").append(s.authMechanism()).append('\n');
        }
        c.append("mail.smtp.user=").append(Text.property(s.username())).append('\n');
        c.append("mail.smtp.from=").append(Text.property(p.address().toString())).append('\n');
        c.append("mail.smtp.connectiontimeout=10000\n");
        c.append("mail.smtp.timeout=10000\n");
        c.append("mail.smtp.writetimeout=10000\n");
        List<String> notes = new ArrayList<>(out.notes());
        if (input.password().isPresent()) {
            notes.add("no password written: Jakarta Mail has no standard property for it; pass it to Transport.connect");
        }
        return new ExportResult.Written(List.of(ExportFile.text(FILE, c.toString())), notes);
    }
}
