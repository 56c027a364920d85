package dev.mailwizard.export;

import dev.mailwizard.model.Security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code [sendemail]} section for {@code git send-email}. git's words are confusing:
 * {@code ssl} means implicit TLS and {@code tls} means STARTTLS.
 */
public final class GitSendEmailWriter extends OutgoingWriter {
    public static final String FILE = "gitconfig-sendemail";

    public GitSendEmailWriter() {
        super("git", "git send-email (patches by mail)", true);
    }

    @Override
    ExportResult write(ExportInput input, Usable out) {
        AccountProfile p = input.profile();
        ServerSetting s = out.first().orElseThrow();
        Optional<String> password = input.password();
        StringBuilder c = new StringBuilder();
        c.append(header("#", "git send-email settings", p));
        c.append("# Use them with:  git config --global include.path /path/to/gitconfig-sendemail\n");
        if (password.isEmpty()) {
            c.append("# No password here: git asks for it, or takes it from your credential helper\n");
            c.append("# (git config --global credential.helper libsecret, or cache, or store).\n");
        }
        c.append("[sendemail]\n");
        c.append("\tsmtpServer = ").append(s.host()).append('\n');
        c.append("\tsmtpServerPort = ").append(s.port()).append('\n');
        c.append("\tsmtpEncryption = ").append(s.security() == Security.TLS ? "ssl" : "tls")
                .append(s.security() == Security.TLS ? "\t# ssl = implicit TLS (SSL/TLS)\n" : "\t# tls = STARTTLS\n");
        c.append("\tsmtpUser = ").append(Text.quoted(s.username())).append('\n');
        if (s.authMechanism() != null) {
            c.append("\tsmtpAuth = ").append(s.authMechanism()).append('\n');
        }
        password.ifPresent(pw -> c.append("\tsmtpPass = ").append(Text.quoted(pw)).append('\n'));
        c.append("\tfrom = ").append(Text.quoted(p.displayName().isEmpty() ? p.address().toString()
                : p.displayName() + " <" + p.address() + ">")).append('\n');
        List<String> notes = new ArrayList<>(out.notes());
        if (out.servers().size() > 1) {
            notes.add("git send-email takes one server: " + s.describe());
        }
        return new ExportResult.Written(List.of(ExportFile.textWithPassword(FILE, c.toString(), password.isPresent())), notes);
    }
}
