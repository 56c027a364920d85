package dev.mailwizard.export;

import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Session properties for Jakarta Mail / Angus Mail applications ({@code mail.properties}). Always
 * with timeouts (Jakarta Mail waits forever by default) and with the server identity check on.
 * An OAuth2 server gets {@code auth.mechanisms=XOAUTH2}: the application passes an access token as
 * the password. Since XOAUTH2 must be named for each protocol (and Microsoft's POP3 wants the token
 * on a line of its own), an OAuth2 account's best incoming server is written as the store too.
 */
public final class JakartaMailWriter extends OutgoingWriter {
    public static final String FILE = "mail.properties";

    public JakartaMailWriter() {
        super("jakarta", "Jakarta Mail / Angus Mail applications (session properties)", false);
    }

    @Override
    Optional<String> oauth2Problem(ServerSetting s, AccountProfile p) {
        if (!"XOAUTH2".equals(s.authMechanism())) {
            return Optional.of("Jakarta Mail (Angus Mail 2.0) has XOAUTH2 but no " + s.authMechanism() + ", and " + s.host()
                    + " was tested with " + s.authMechanism());
        }
        return Optional.empty();
    }

    @Override
    ExportResult write(ExportInput input, Usable out) {
        AccountProfile p = input.profile();
        ServerSetting s = out.first().orElseThrow();
        Optional<ServerSetting> store = usable(p.incoming(), p).first().filter(ServerSetting::oauth2);
        StringBuilder c = new StringBuilder();
        c.append(header("#", "Jakarta Mail session", p));
        if (s.oauth2() || store.isPresent()) {
            c.append("# Load with Properties.load(...) and Session.getInstance(props). OAuth2: pass a fresh access token as the\n");
            c.append("# password to Transport.connect(user, token) (and Store.connect); \"").append(SignIn.tokenCommand(p))
                    .append("\" prints one.\n");
            c.append("# A token expires (often within an hour): fetch a new one for each connection.\n");
        } else {
            c.append("# Load with Properties.load(...) and Session.getInstance(props); pass the password to\n");
            c.append("# Transport.connect(user, password) or an Authenticator, from your secret store.\n");
        }
        c.append(SignIn.comments("#", p, store.map(i -> List.of(s, i)).orElse(List.of(s))));
        List<String> trustWords = trustWords(input);
        trustWords.forEach(l -> c.append("# ").append(l).append('\n'));
        c.append("mail.transport.protocol=smtp\n");
        c.append("mail.smtp.host=").append(Text.property(s.host())).append('\n');
        c.append("mail.smtp.port=").append(s.port()).append('\n');
        tls(c, "mail.smtp.", s);
        c.append("mail.smtp.auth=true\n");
        if (s.authMechanism() != null) {
            c.append("mail.smtp.auth.mechanisms=").append(s.authMechanism()).append('\n');
        }
        c.append("mail.smtp.user=").append(Text.property(s.username())).append('\n');
        c.append("mail.smtp.from=").append(Text.property(p.address().toString())).append('\n');
        timeouts(c, "mail.smtp.");
        store.ifPresent(i -> store(c, i));
        List<String> notes = new ArrayList<>(out.notes());
        if (input.password().isPresent()) {
            notes.add("no password written: Jakarta Mail has no standard property for it; pass it to Transport.connect");
        }
        if (p.trust().hasCa()) {
            notes.add("Jakarta Mail properties cannot name a CA file: the application must trust " + TrustFiles.absolute(input)
                    + " through mail.smtp.ssl.socketFactory (the file shows how)");
        }
        notes.addAll(TrustFiles.pinsNotCarried(input, "Jakarta Mail").stream().map(l -> l.replace("when it asks about the server's certificate,",
                "it never asks;")).toList());
        return new ExportResult.Written(TrustFiles.withCaCopy(p, List.of(ExportFile.text(FILE, c.toString()))), notes);
    }

    /**
     * Jakarta Mail reads a CA only through a socket factory object, which no property can name
     * ({@code mail.smtp.ssl.trust} names hosts to trust without any check, so it is never written):
     * the comment gives the copy's path and the few lines that make that factory.
     */
    private static List<String> trustWords(ExportInput in) {
        List<String> lines = new java.util.ArrayList<>();
        if (in.profile().trust().hasCa()) {
            lines.addAll(TrustFiles.caOrigin(in));
            lines.add("Properties cannot name a CA file; before Session.getInstance(props), trust the copy with:");
            lines.add("  KeyStore ks = KeyStore.getInstance(\"PKCS12\"); ks.load(null, null); int n = 0;");
            lines.add("  try (InputStream pem = Files.newInputStream(Path.of(\"" + TrustFiles.absolute(in) + "\"))) {");
            lines.add("    for (Certificate ca : CertificateFactory.getInstance(\"X.509\").generateCertificates(pem)) ks.setCertificateEntry(\"ca\" + n++, ca); }");
            lines.add("  TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm()); tmf.init(ks);");
            lines.add("  SSLContext tls = SSLContext.getInstance(\"TLS\"); tls.init(null, tmf.getTrustManagers(), null);");
            lines.add("  props.put(\"mail.smtp.ssl.socketFactory\", tls.getSocketFactory());");
        }
        in.profile().trust().pins().forEach(pin -> lines.add("The server's certificate was pinned (SHA-256 " + pin
                + "): Jakarta Mail has no property for a pin; check the fingerprint in your own X509TrustManager."));
        return lines;
    }

    /** The incoming store of an OAuth2 account: host, TLS, XOAUTH2 (two-line for POP3), user, timeouts. */
    private static void store(StringBuilder c, ServerSetting i) {
        String protocol = i.protocol() == Protocol.IMAP ? "imap" : "pop3";
        String prefix = "mail." + protocol + ".";
        c.append("# Reading mail: Session.getStore() connects to ").append(i.describe()).append('\n');
        c.append("mail.store.protocol=").append(protocol).append('\n');
        c.append(prefix).append("host=").append(Text.property(i.host())).append('\n');
        c.append(prefix).append("port=").append(i.port()).append('\n');
        tls(c, prefix, i);
        c.append(prefix).append("auth.mechanisms=").append(i.authMechanism()).append('\n');
        if (i.protocol() == Protocol.POP3) {
            c.append(prefix).append("auth.xoauth2.two.line.authentication.format=true\n");
        }
        c.append(prefix).append("user=").append(Text.property(i.username())).append('\n');
        timeouts(c, prefix);
    }

    private static void tls(StringBuilder c, String prefix, ServerSetting s) {
        if (s.security() == Security.TLS) {
            c.append(prefix).append("ssl.enable=true\n");
        } else {
            c.append(prefix).append("starttls.enable=true\n");
            c.append(prefix).append("starttls.required=true\n");
        }
        c.append(prefix).append("ssl.checkserveridentity=true\n");
        c.append(prefix).append("ssl.protocols=TLSv1.3 TLSv1.2\n");
    }

    private static void timeouts(StringBuilder c, String prefix) {
        for (String t : List.of("connectiontimeout", "timeout", "writetimeout")) {
            c.append(prefix).append(t).append("=10000\n");
        }
    }
}
