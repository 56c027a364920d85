package dev.mailwizard.export;

import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A mutt/NeoMutt configuration ({@code neomuttrc}). {@code smtps://} is implicit TLS; {@code smtp://}
 * with {@code ssl_starttls} and {@code ssl_force_tls} is STARTTLS that refuses to continue in clear.
 * mutt has one outgoing server, so alternatives are listed as comments. An OAuth2 server gets its
 * authenticator ({@code xoauth2} or {@code oauthbearer}) and {@code *_oauth_refresh_command}, which
 * NeoMutt runs for a fresh access token.
 */
public final class NeomuttWriter extends OutgoingWriter {
    public static final String FILE = "neomuttrc";

    public NeomuttWriter() {
        super("neomutt", "mutt and NeoMutt", true);
    }

    @Override
    Optional<String> oauth2Problem(ServerSetting s, AccountProfile p) {
        return Optional.empty(); // NeoMutt speaks XOAUTH2 and OAUTHBEARER for SMTP and IMAP
    }

    @Override
    ExportResult write(ExportInput input, Usable out) {
        AccountProfile p = input.profile();
        // mutt reads one IMAP server; POP3 is left to the user only when there is no IMAP at all.
        Usable in = usable(p.incoming().stream().filter(s -> s.protocol() == Protocol.IMAP).toList(), p);
        boolean popOnly = in.isEmpty() && !p.incoming().isEmpty();
        ServerSetting smtp = out.first().orElseThrow();
        Optional<ServerSetting> imap = in.first();
        Optional<String> password = input.password();
        List<ServerSetting> written = new ArrayList<>(List.of(smtp));
        imap.ifPresent(written::add);
        StringBuilder c = new StringBuilder();
        c.append(header("#", "NeoMutt / mutt settings", p));
        c.append("# Use it with: neomutt -F neomuttrc, or add  source /path/to/neomuttrc  to your ~/.neomuttrc\n");
        if (written.stream().anyMatch(ServerSetting::oauth2)) {
            c.append("# OAuth2: NeoMutt runs \"").append(SignIn.tokenCommand(p)).append("\" for a fresh access token;\n");
            c.append("# it uses the OAuth2 sign-in that MailWizard remembered ").append(input.passwords().remembered()).append(".\n");
        }
        c.append(SignIn.comments("#", p, written));
        TrustFiles.caOrigin(input).forEach(l -> c.append("# ").append(l).append('\n'));
        List<String> pinWords = TrustFiles.pinsNotCarried(input, "NeoMutt");
        pinWords.forEach(l -> c.append("# ").append(l).append('\n'));
        c.append("set realname = ").append(Text.muttSingleQuoted(p.senderName())).append('\n');
        c.append("set from = ").append(Text.muttSingleQuoted(p.address().toString())).append('\n');
        c.append("set smtp_url = ").append(Text.muttSingleQuoted(url(smtp))).append('\n');
        c.append("set smtp_authenticators = ").append(Text.muttSingleQuoted(authenticators(smtp))).append('\n');
        if (smtp.oauth2()) {
            c.append("set smtp_oauth_refresh_command = ").append(Text.muttSingleQuoted(SignIn.tokenCommand(p))).append('\n');
        }
        c.append("set ssl_force_tls = yes                # never continue without TLS\n");
        c.append("set ssl_starttls = yes\n");
        if (p.trust().hasCa()) {
            c.append("set ssl_ca_certificates_file = ").append(Text.muttSingleQuoted(TrustFiles.tildePath(input))).append('\n');
        }
        imap.ifPresent(i -> appendImap(c, i, p));
        boolean smtpPass = password.isPresent() && !smtp.oauth2();
        boolean imapPass = password.isPresent() && imap.filter(i -> !i.oauth2()).isPresent();
        if (smtpPass) {
            c.append("set smtp_pass = ").append(Text.muttSingleQuoted(password.get())).append('\n');
        }
        if (imapPass) {
            c.append("set imap_pass = ").append(Text.muttSingleQuoted(password.get())).append('\n');
        }
        List<ServerSetting> withPassword = written.stream().filter(s -> !s.oauth2()).toList();
        if (password.isEmpty() && !withPassword.isEmpty()) {
            c.append(PasswordStore.comments("#", input.passwords().neomuttAdvice(withPassword)));
        }
        appendAlternatives(c, out.servers().subList(1, out.servers().size()));
        List<String> notes = new ArrayList<>(out.notes());
        notes.addAll(in.notes());
        if (popOnly) {
            notes.add("no incoming settings written: this file sets up IMAP folders, and only POP3 was tested");
        }
        if (password.isPresent() && !smtpPass && !imapPass) {
            notes.add("no password written: these servers sign in with OAuth2 tokens, which NeoMutt asks MailWizard for");
        }
        notes.addAll(pinWords);
        return new ExportResult.Written(TrustFiles.withCaCopy(p, List.of(ExportFile.textWithPassword(FILE, c.toString(), smtpPass || imapPass))), notes);
    }

    /** The IMAP folder lines; an OAuth2 server also gets its authenticator and token command. */
    private static void appendImap(StringBuilder c, ServerSetting i, AccountProfile p) {
        c.append("set imap_user = ").append(Text.muttSingleQuoted(i.username())).append('\n');
        c.append("set folder = ").append(Text.muttSingleQuoted((i.security() == Security.TLS ? "imaps://" : "imap://")
                + i.host() + ":" + i.port() + "/")).append('\n');
        c.append("set spoolfile = '+INBOX'\n");
        if (i.oauth2()) {
            c.append("set imap_authenticators = ").append(Text.muttSingleQuoted(authenticators(i))).append('\n');
            c.append("set imap_oauth_refresh_command = ").append(Text.muttSingleQuoted(SignIn.tokenCommand(p))).append('\n');
        }
    }

    /** The other working outgoing servers, as commented-out smtp_url lines. */
    private static void appendAlternatives(StringBuilder c, List<ServerSetting> others) {
        if (!others.isEmpty()) {
            c.append("# Also tested and working (use instead of smtp_url above if needed):\n");
            others.forEach(s -> c.append("#   set smtp_url = ").append(Text.muttSingleQuoted(url(s))).append('\n'));
        }
    }

    /** NeoMutt's authenticator list: the OAuth2 mechanism, CRAM-MD5, or PLAIN then LOGIN. */
    private static String authenticators(ServerSetting s) {
        if (s.oauth2()) {
            return s.authMechanism().toLowerCase(Locale.ROOT);
        }
        return s.challengeResponse() ? "cram-md5" : "plain:login";
    }

    static String url(ServerSetting s) {
        return (s.security() == Security.TLS ? "smtps://" : "smtp://") + Text.urlUser(s.username()) + "@" + s.host() + ":" + s.port() + "/";
    }
}
