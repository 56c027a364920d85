package dev.mailwizard.export;

import dev.mailwizard.model.Security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An msmtp configuration ({@code msmtprc}): one account per tested server, the best as default.
 * The password comes from where the person's system keeps it ({@link PasswordStore}) through
 * {@code passwordeval} unless the user asked for it in the file. An OAuth2 server gets {@code auth xoauth2} (or {@code oauthbearer}) and a
 * {@code passwordeval} that runs {@code mailwizard oauth2 token}, which prints a fresh access token
 * each time msmtp sends. {@code timeout} keeps msmtp from hanging if a server changes its TLS mode.
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
    Optional<String> oauth2Problem(ServerSetting s, AccountProfile p) {
        return Optional.empty(); // msmtp speaks XOAUTH2 and OAUTHBEARER
    }

    @Override
    ExportResult write(ExportInput input, Usable out) {
        AccountProfile p = input.profile();
        Optional<String> password = input.password();
        PasswordStore store = input.passwords();
        ServerSetting best = out.first().orElseThrow();
        StringBuilder c = new StringBuilder();
        c.append(header("#", "msmtp settings", p));
        c.append("# Save as ~/.msmtprc or ~/.config/msmtp/config (keep it readable only by you: chmod 600).\n");
        if (best.oauth2()) {
            c.append("# OAuth2: msmtp runs \"").append(SignIn.tokenCommand(p)).append("\" for a fresh access token each time it sends;\n");
            c.append("# it uses the OAuth2 sign-in that MailWizard remembered ").append(store.remembered()).append(".\n");
        } else if (password.isEmpty()) {
            c.append(PasswordStore.comments("#", store.msmtpAdvice(best)));
        }
        c.append(SignIn.comments("#", p, out.servers()));
        TrustFiles.caOrigin(input).forEach(l -> c.append("# ").append(l).append('\n'));
        c.append("\ndefaults\ntimeout 15\ntls_trust_file ").append(p.trust().hasCa() ? TrustFiles.tildePath(input) : "system").append('\n');
        boolean passwordWritten = false;
        for (ServerSetting s : out.servers()) {
            c.append("\naccount ").append(account(p, s)).append('\n');
            c.append("host ").append(s.host()).append('\n');
            c.append("port ").append(s.port()).append('\n');
            c.append("tls on\n");
            // msmtp has no end-of-line comments: a "#" after a value is read as part of it.
            c.append(s.security() == Security.STARTTLS ? "# STARTTLS\ntls_starttls on\n" : "# implicit TLS (SSL/TLS)\ntls_starttls off\n");
            p.trust().pinFor(s).ifPresent(pin -> c.append("# the pinned certificate: msmtp accepts only this one (no CA check)\n")
                    .append("tls_trust_file\ntls_fingerprint ").append(pin).append('\n'));
            c.append("auth ").append(auth(s)).append('\n');
            c.append("user ").append(s.username()).append('\n');
            if (s.oauth2()) {
                c.append("passwordeval ").append(Text.msmtp(SignIn.tokenCommand(p))).append('\n');
            } else if (password.isPresent()) {
                c.append("password ").append(Text.msmtp(password.get())).append('\n');
                passwordWritten = true;
            } else {
                c.append("passwordeval ").append(Text.msmtp(store.msmtpCommand(s))).append('\n');
            }
            c.append("from ").append(p.address()).append('\n');
        }
        c.append("\naccount default : ").append(account(p, best)).append('\n');
        List<String> notes = new ArrayList<>(out.notes());
        if (password.isPresent() && !passwordWritten) {
            notes.add("no password written: these servers sign in with OAuth2 tokens, which msmtp asks MailWizard for");
        }
        notes.addAll(unpinned(p, out.servers()));
        return new ExportResult.Written(TrustFiles.withCaCopy(p, List.of(ExportFile.textWithPassword(FILE, c.toString(), passwordWritten))), notes);
    }

    /** Pins the report did not see on any of these servers: msmtp's fingerprint is per account, so they cannot be placed. */
    private static List<String> unpinned(AccountProfile p, List<ServerSetting> servers) {
        List<String> placed = servers.stream().flatMap(s -> p.trust().pinFor(s).stream()).toList();
        return p.trust().pins().stream().filter(pin -> !placed.contains(pin))
                .map(pin -> "pin " + pin + " not written: the report saw that certificate on none of these servers").toList();
    }

    /** msmtp's name for the login: the OAuth2 mechanism, CRAM-MD5, or "on" (msmtp picks the best the server offers). */
    private static String auth(ServerSetting s) {
        if (s.oauth2()) {
            return s.authMechanism().toLowerCase(Locale.ROOT);
        }
        return s.challengeResponse() ? "cram-md5" : "on";
    }
}
