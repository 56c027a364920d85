package dev.mailwizard.export;

import dev.mailwizard.model.Security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Postfix as a client of the tested server ({@code postfix-relay.txt}): main.cf lines and the
 * sasl_passwd line. TLS level {@code verify} checks the relay's certificate and name, so the
 * password never goes to an impostor. The map key must equal the relayhost value exactly.
 */
public final class PostfixRelayWriter extends OutgoingWriter {
    public static final String FILE = "postfix-relay.txt";
    /** Marker lines that split the file into its two parts. */
    public static final String MAIN_CF = "# ==> /etc/postfix/main.cf";
    public static final String SASL_PASSWD = "# ==> /etc/postfix/sasl_passwd";

    public PostfixRelayWriter() {
        super("postfix", "Postfix relaying through this server (main.cf and sasl_passwd lines)", true);
    }

    /** The relayhost value, also the key of the sasl_passwd line. */
    public static String relayhost(ServerSetting s) {
        return "[" + s.host() + "]:" + s.port();
    }

    @Override
    Optional<String> oauth2Problem(ServerSetting s, AccountProfile p) {
        return Optional.of("Postfix's SMTP client logs in through Cyrus SASL, which has no XOAUTH2 or OAUTHBEARER without a"
                + " third-party plugin that keeps its own refresh token; let Postfix hand mail to msmtp instead (format msmtp)");
    }

    @Override
    ExportResult write(ExportInput input, Usable out) {
        AccountProfile p = input.profile();
        ServerSetting s = out.first().orElseThrow();
        Optional<String> password = input.password();
        StringBuilder c = new StringBuilder();
        c.append("# Postfix relay through ").append(s.describe()).append(" for ").append(p.address()).append(".\n");
        c.append("# Made by MailWizard ").append(p.origin()).append(". Needs Debian's libsasl2-modules for PLAIN/LOGIN.\n");
        c.append(SignIn.comments("#", p, List.of(s)));
        Optional<String> pin = p.trust().pinFor(s);
        if (pin.isPresent()) {
            c.append("# The relay's certificate was pinned: Postfix accepts only the certificate with this SHA-256 fingerprint.\n");
        } else if (p.trust().hasCa()) {
            TrustFiles.caOrigin(input).forEach(l -> c.append("# ").append(l).append('\n'));
            c.append("# Copy it to ").append(caPath(p)).append(" (Postfix's client reads it there, also in its chroot).\n");
        }
        c.append("# Steps: add the main.cf lines (or run each through postconf -e); put the sasl_passwd line in\n");
        c.append("# /etc/postfix/sasl_passwd (chmod 600) and run postmap /etc/postfix/sasl_passwd; then postfix reload.\n");
        if (password.isEmpty()) {
            c.append("# Replace PASSWORD with the account's password: it is not written here.\n");
        }
        c.append(MAIN_CF).append('\n');
        c.append("relayhost = ").append(relayhost(s)).append('\n');
        c.append("smtp_tls_wrappermode = ").append(s.security() == Security.TLS ? "yes" : "no").append('\n');
        if (pin.isPresent()) {
            c.append("smtp_tls_security_level = fingerprint\n");
            c.append("smtp_tls_fingerprint_digest = sha256\n");
            c.append("smtp_tls_fingerprint_cert_match = ").append(pin.get()).append('\n');
        } else {
            c.append("smtp_tls_security_level = verify\n");
            c.append("smtp_tls_CAfile = ").append(p.trust().hasCa() ? caPath(p) : "/etc/ssl/certs/ca-certificates.crt").append('\n');
        }
        c.append("smtp_sasl_auth_enable = yes\n");
        c.append("smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd\n");
        c.append("smtp_sasl_security_options = noanonymous\n");
        c.append("smtp_sasl_tls_security_options = noanonymous\n");
        c.append(SASL_PASSWD).append('\n');
        c.append(relayhost(s)).append(' ').append(s.username()).append(':').append(password.orElse("PASSWORD")).append('\n');
        List<String> notes = new ArrayList<>(out.notes());
        if (pin.isEmpty() && p.trust().hasCa()) {
            notes.add("copy " + TrustFiles.caFileName(p) + " to " + caPath(p) + " before reloading Postfix");
        }
        List<ExportFile> files = List.of(ExportFile.textWithPassword(FILE, c.toString(), password.isPresent()));
        return new ExportResult.Written(pin.isPresent() ? files : TrustFiles.withCaCopy(p, files), notes);
    }

    /** Where the relay's CA goes: beside main.cf, as the sasl_passwd file does. */
    private static String caPath(AccountProfile p) {
        return "/etc/postfix/" + TrustFiles.caFileName(p);
    }
}
