package dev.mailwizard.export;

import dev.mailwizard.model.Security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An msmtp configuration ({@code msmtprc}): one account per tested server, the best as default.
 * The password comes from the desktop keyring through {@code passwordeval} unless the user asked
 * for it in the file. {@code timeout} keeps msmtp from hanging if a server changes its TLS mode.
 */
public final class MsmtpWriter extends OutgoingWriter {
    public static final String FILE = "msmtprc";

    public MsmtpWriter() {
        super("msmtp", "msmtp, and tools that send through it (mutt, git, cron, scripts)", true);
    }

    /** The account name msmtp is called with: {@code msmtp -a NAME}. */
    public static String account(AccountProfile p, ServerSetting s) {
        return p.slug() + "-" + s.port();
    }

    @Override
    ExportResult write(ExportInput input, Usable out) {
        AccountProfile p = input.profile();
        Optional<String> password = input.password();
        StringBuilder c = new StringBuilder();
        c.append(header("#", "msmtp settings", p));
        c.append("# Save as ~/.msmtprc or ~/.config/msmtp/config (keep it readable only by you: chmod 600).\n");
        if (password.isEmpty()) {
            ServerSetting best = out.first().orElseThrow();
            c.append("# The password is read from your desktop keyring. Store it once with:\n");
            c.append("#   secret-tool store --label=").append(Text.quoted("msmtp " + best.host()))
                    .append(" host ").append(best.host()).append(" service smtp user ").append(best.username()).append('\n');
            c.append("# (or replace the passwordeval line with: passwordeval \"gpg -q --no-tty -d ~/.msmtp-password.gpg\")\n");
        }
        c.append("\ndefaults\ntimeout 15\ntls_trust_file system\n");
        for (ServerSetting s : out.servers()) {
            c.append("\naccount ").append(account(p, s)).append('\n');
            c.append("host ").append(s.host()).append('\n');
            c.append("port ").append(s.port()).append('\n');
            c.append("tls on\n");
            // msmtp has no end-of-line comments: a "#" after a value is read as part of it.
            c.append(s.security() == Security.STARTTLS ? "# STARTTLS\ntls_starttls on\n" : "# implicit TLS (SSL/TLS)\ntls_starttls off\n");
            c.append("auth ").append(s.challengeResponse() ? "cram-md5" : "on").append('\n');
            c.append("user ").append(s.username()).append('\n');
            if (password.isPresent()) {
                c.append("password ").append(Text.quoted(password.get())).append('\n');
            } else {
                c.append("passwordeval ").append(Text.quoted("secret-tool lookup host " + s.host() + " service smtp user " + s.username())).append('\n');
            }
            c.append("from ").append(p.address()).append('\n');
        }
        c.append("\naccount default : ").append(account(p, out.first().orElseThrow())).append('\n');
        return new ExportResult.Written(List.of(ExportFile.textWithPassword(FILE, c.toString(), password.isPresent())), new ArrayList<>(out.notes()));
    }
}
