package dev.mailwizard.export;

import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A mutt/NeoMutt configuration ({@code neomuttrc}). {@code smtps://} is implicit TLS; {@code smtp://}
 * with {@code ssl_starttls} and {@code ssl_force_tls} is STARTTLS that refuses to continue in clear.
 * mutt has one outgoing server, so alternatives are listed as comments.
 */
public final class NeomuttWriter extends OutgoingWriter {
    public static final String FILE = "neomuttrc";

    public NeomuttWriter() {
        super("neomutt", "mutt and NeoMutt", true);
    }

    @Override
    ExportResult write(ExportInput input, Usable out) {
        AccountProfile p = input.profile();
        // mutt reads one IMAP server; POP3 is left to the user only when there is no IMAP at all.
        Usable in = Usable.encrypted(p.incoming().stream().filter(s -> s.protocol() == Protocol.IMAP).toList());
        boolean popOnly = in.isEmpty() && !p.incoming().isEmpty();
        ServerSetting smtp = out.first().orElseThrow();
        Optional<String> password = input.password();
        StringBuilder c = new StringBuilder();
        c.append(header("#", "NeoMutt / mutt settings", p));
        c.append("# Use it with: neomutt -F neomuttrc, or add  source /path/to/neomuttrc  to your ~/.neomuttrc\n");
        c.append("set realname = ").append(Text.muttSingleQuoted(p.senderName())).append('\n');
        c.append("set from = ").append(Text.muttSingleQuoted(p.address().toString())).append('\n');
        c.append("set smtp_url = ").append(Text.muttSingleQuoted(url(smtp))).append('\n');
        c.append("set smtp_authenticators = ").append(Text.muttSingleQuoted(smtp.challengeResponse() ? "cram-md5" : "plain:login")).append('\n');
        c.append("set ssl_force_tls = yes                # never continue without TLS\n");
        c.append("set ssl_starttls = yes\n");
        in.first().ifPresent(imap -> {
            c.append("set imap_user = ").append(Text.muttSingleQuoted(imap.username())).append('\n');
            c.append("set folder = ").append(Text.muttSingleQuoted((imap.security() == Security.TLS ? "imaps://" : "imap://")
                    + imap.host() + ":" + imap.port() + "/")).append('\n');
            c.append("set spoolfile = '+INBOX'\n");
        });
        if (password.isPresent()) {
            c.append("set smtp_pass = ").append(Text.muttSingleQuoted(password.get())).append('\n');
            if (in.first().isPresent()) {
                c.append("set imap_pass = ").append(Text.muttSingleQuoted(password.get())).append('\n');
            }
        } else {
            c.append("# No password here: NeoMutt asks for it. To keep it encrypted instead, put\n");
            c.append("#   set smtp_pass = '...'\n# in a file, encrypt it with gpg, and add:  source \"gpg -dq ~/.neomutt-pass.gpg |\"\n");
        }
        List<ServerSetting> others = out.servers().subList(1, out.servers().size());
        if (!others.isEmpty()) {
            c.append("# Also tested and working (use instead of smtp_url above if needed):\n");
            others.forEach(s -> c.append("#   set smtp_url = ").append(Text.muttSingleQuoted(url(s))).append('\n'));
        }
        List<String> notes = new ArrayList<>(out.notes());
        notes.addAll(in.notes());
        if (popOnly) {
            notes.add("no incoming settings written: this file sets up IMAP folders, and only POP3 was tested");
        }
        return new ExportResult.Written(List.of(ExportFile.textWithPassword(FILE, c.toString(), password.isPresent())), notes);
    }

    static String url(ServerSetting s) {
        return (s.security() == Security.TLS ? "smtps://" : "smtp://") + Text.urlUser(s.username()) + "@" + s.host() + ":" + s.port() + "/";
    }
}
