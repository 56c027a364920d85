package dev.mailwizard.export;

import dev.mailwizard.model.Security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code [sendemail]} section for {@code git send-email}. git's words are confusing:
 * {@code ssl} means implicit TLS and {@code tls} means STARTTLS. For an OAuth2 server git sends
 * {@code smtpAuth} as the SASL mechanism and the credential's password as the token: a credential
 * helper for just this server answers with a fresh token from {@code mailwizard oauth2 token}, and
 * the empty {@code helper =} before it keeps other helpers from storing that token on disk.
 */
public final class GitSendEmailWriter extends OutgoingWriter {
    public static final String FILE = "gitconfig-sendemail";

    public GitSendEmailWriter() {
        super("git", "git send-email (patches by mail)", true);
    }

    @Override
    Optional<String> oauth2Problem(ServerSetting s, AccountProfile p) {
        return Optional.empty(); // git passes the mechanism to Authen::SASL, which has XOAUTH2 and OAUTHBEARER since 2.1800
    }

    @Override
    ExportResult write(ExportInput input, Usable out) {
        AccountProfile p = input.profile();
        ServerSetting s = out.first().orElseThrow();
        Optional<String> password = input.password().filter(pw -> !s.oauth2());
        StringBuilder c = new StringBuilder();
        c.append(header("#", "git send-email settings", p));
        c.append("# Use them with:  git config --global include.path /path/to/gitconfig-sendemail\n");
        if (s.oauth2()) {
            c.append("# OAuth2: git asks the credential helper below for the \"password\", and the helper prints a fresh access\n");
            c.append("# token from MailWizard's remembered sign-in. Include this file after any credential.helper line of yours.\n");
            c.append("# git send-email needs Perl's Authen::SASL 2.1800 or later for ").append(s.authMechanism())
                    .append(" (check: perl -MAuthen::SASL -le 'print $Authen::SASL::VERSION').\n");
        } else if (password.isEmpty()) {
            c.append("# No password here: git asks for it, or takes it from your credential helper\n");
            c.append("# ").append(input.passwords().gitHelper()).append('\n');
        }
        c.append(SignIn.comments("#", p, List.of(s)));
        TrustFiles.caOrigin(input).forEach(l -> c.append("# ").append(l).append('\n'));
        List<String> pinWords = pinWords(p);
        pinWords.forEach(l -> c.append("# ").append(l).append('\n'));
        c.append("[sendemail]\n");
        c.append("\tsmtpServer = ").append(s.host()).append('\n');
        c.append("\tsmtpServerPort = ").append(s.port()).append('\n');
        c.append("\tsmtpEncryption = ").append(s.security() == Security.TLS ? "ssl" : "tls")
                .append(s.security() == Security.TLS ? "\t# ssl = implicit TLS (SSL/TLS)\n" : "\t# tls = STARTTLS\n");
        c.append("\tsmtpUser = ").append(Text.quoted(s.username())).append('\n');
        if (s.authMechanism() != null) {
            c.append("\tsmtpAuth = ").append(s.authMechanism()).append('\n');
        }
        if (p.trust().hasCa()) {
            c.append("\tsmtpSSLCertPath = ").append(Text.quoted(TrustFiles.tildePath(input))).append('\n');
        }
        password.ifPresent(pw -> c.append("\tsmtpPass = ").append(Text.quoted(pw)).append('\n'));
        c.append("\tfrom = ").append(Text.quoted(p.displayName().isEmpty() ? p.address().toString()
                : p.displayName() + " <" + p.address() + ">")).append('\n');
        if (s.oauth2()) {
            c.append("[credential ").append(Text.quoted("smtp://" + s.host() + ":" + s.port())).append("]\n");
            c.append("\thelper =\n");
            c.append("\thelper = ").append(Text.quoted(tokenHelper(p))).append('\n');
        }
        List<String> notes = new ArrayList<>(out.notes());
        if (out.servers().size() > 1) {
            notes.add("git send-email takes one server: " + s.describe());
        }
        if (input.password().isPresent() && password.isEmpty()) {
            notes.add("no password written: this server signs in with OAuth2 tokens, which git asks MailWizard for");
        }
        notes.addAll(pinWords);
        return new ExportResult.Written(TrustFiles.withCaCopy(p, List.of(ExportFile.textWithPassword(FILE, c.toString(), password.isPresent()))), notes);
    }

    /** git checks a certificate only against a CA file and never asks: a pinned one must be saved and named instead. */
    private static List<String> pinWords(AccountProfile p) {
        return p.trust().pins().stream().map(pin -> Text.line("git send-email cannot be given a pinned certificate: save the server's"
                + " certificate (openssl s_client -connect HOST:PORT -showcerts), check that its SHA-256 fingerprint is " + pin
                + ", and name that file in smtpSSLCertPath.")).toList();
    }

    /** A git credential helper (a shell snippet): answers "get" with the token as the password, ignores "store" and "erase". */
    static String tokenHelper(AccountProfile p) {
        return "!f() { if [ \"$1\" = get ]; then echo \"password=$(" + SignIn.tokenCommand(p) + ")\"; fi; }; f";
    }
}
