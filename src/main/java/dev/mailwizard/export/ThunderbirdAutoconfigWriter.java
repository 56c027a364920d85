package dev.mailwizard.export;

import dev.mailwizard.model.OAuth2Endpoints;
import dev.mailwizard.model.ProviderNeeds;
import dev.mailwizard.model.Security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Thunderbird's autoconfig file ({@code config-v1.1.xml}), also read by Thunderbird for Android/K-9,
 * Evolution, KMail and FairEmail. Thunderbird refuses a file without an incoming server, and
 * silently drops a server it cannot read, so both are checked here rather than left to the client.
 * An OAuth2 server gets {@code <authentication>OAuth2</authentication>} (then password-cleartext when
 * the provider also takes app passwords: a client takes the first it supports) and the file the
 * ISPDB's {@code <oAuth2>} element; Thunderbird itself finds its OAuth2 registration by server name.
 */
public final class ThunderbirdAutoconfigWriter extends FormatWriter {
    public static final String FILE = "config-v1.1.xml";

    public ThunderbirdAutoconfigWriter() {
        super("thunderbird", "Thunderbird, Thunderbird for Android/K-9, Evolution, KMail, FairEmail (autoconfig file)", false);
    }

    @Override
    Optional<String> oauth2Problem(ServerSetting s, AccountProfile p) {
        return passwordFallback(p) ? Optional.empty() : ThunderbirdOAuth2.problem(s);
    }

    /** Whether the provider also takes a password (an app password) where OAuth2 is not available. */
    private static boolean passwordFallback(AccountProfile p) {
        return p.needs().map(n -> n != ProviderNeeds.OAUTH2).orElse(false);
    }

    @Override
    public ExportResult write(ExportInput input) {
        AccountProfile p = input.profile();
        Usable out = usable(p.outgoing(), p);
        Usable in = usable(p.incoming(), p);
        if (out.isEmpty()) {
            return new ExportResult.Refused(out.refusal("outgoing server"));
        }
        if (in.isEmpty()) {
            return new ExportResult.Refused("Thunderbird rejects an autoconfig file without an incoming server; "
                    + in.refusal("incoming server"));
        }
        List<ServerSetting> written = new ArrayList<>(in.servers());
        written.addAll(out.servers());
        boolean oauth2 = written.stream().anyMatch(ServerSetting::oauth2);
        String domain = p.address().domain();
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<!-- Made by MailWizard ").append(p.origin()).append(". Host it at https://autoconfig.").append(Text.xml(domain))
                .append("/mail/config-v1.1.xml,\n     or give it to Thunderbird as <install dir>/isp/").append(Text.xml(domain))
                .append(".xml. Servers are listed best first. No password is stored: the client asks for it. -->\n");
        signInComment(x, input, written, oauth2);
        x.append("<clientConfig version=\"1.1\">\n");
        x.append("  <emailProvider id=\"").append(Text.xml(domain)).append("\">\n");
        x.append("    <domain>").append(Text.xml(domain)).append("</domain>\n");
        x.append("    <displayName>").append(Text.xml(p.address().displayDomain())).append(" mail</displayName>\n");
        x.append("    <displayShortName>").append(Text.xml(p.address().displayDomain())).append("</displayShortName>\n");
        for (ServerSetting s : in.servers()) {
            server(x, "incomingServer", s.protocol().name().toLowerCase(java.util.Locale.ROOT), s, p);
        }
        for (ServerSetting s : out.servers()) {
            server(x, "outgoingServer", "smtp", s, p);
        }
        x.append("  </emailProvider>\n");
        p.oauth2Endpoints().filter(e -> oauth2 && e.issuer() != null).ifPresent(e -> oauth2Element(x, e));
        x.append("</clientConfig>\n");
        List<String> notes = new ArrayList<>(in.notes());
        notes.addAll(out.notes());
        if (input.password().isPresent()) {
            notes.add("no password written: this file is per domain and often public; the client asks for the password");
        }
        notes.addAll(trustWords(input));
        return new ExportResult.Written(TrustFiles.withCaCopy(p, List.of(ExportFile.text(FILE, x.toString()))), notes);
    }

    /** An autoconfig file names servers only: the person imports the CA and checks a pin in the client. */
    static List<String> trustWords(ExportInput in) {
        return TrustFiles.instead(in, "Thunderbird", "into Thunderbird (Settings > Privacy & Security > Manage Certificates > Authorities > Import; trust it to identify websites)");
    }

    private static void signInComment(StringBuilder x, ExportInput in, List<ServerSetting> written, boolean oauth2) {
        AccountProfile p = in.profile();
        List<String> lines = new ArrayList<>();
        if (oauth2) {
            lines.add("OAuth2: the client opens " + p.providerName() + "'s sign-in page when the account is added; no password.");
        }
        lines.addAll(SignIn.comments(p, written));
        lines.addAll(trustWords(in));
        x.append(SignIn.xmlComment(lines));
    }

    private static void server(StringBuilder x, String element, String type, ServerSetting s, AccountProfile p) {
        x.append("    <").append(element).append(" type=\"").append(type).append("\">\n");
        x.append("      <hostname>").append(Text.xml(s.host())).append("</hostname>\n");
        x.append("      <port>").append(s.port()).append("</port>\n");
        x.append("      <socketType>").append(s.security() == Security.TLS ? "SSL" : "STARTTLS").append("</socketType>\n");
        if (s.oauth2()) {
            x.append("      <authentication>OAuth2</authentication>\n");
            if (passwordFallback(p)) {
                x.append("      <authentication>password-cleartext</authentication>\n");
            }
        } else {
            x.append("      <authentication>").append(s.challengeResponse() ? "password-encrypted" : "password-cleartext")
                    .append("</authentication>\n");
        }
        x.append("      <username>").append(Text.xml(placeholder(s.username(), p))).append("</username>\n");
        x.append("    </").append(element).append(">\n");
    }

    /** The ISPDB's element: where the provider's authorization server is, for clients that read it. */
    private static void oauth2Element(StringBuilder x, OAuth2Endpoints e) {
        x.append("  <oAuth2>\n");
        x.append("    <issuer>").append(Text.xml(e.issuer())).append("</issuer>\n");
        if (!e.scopes().isEmpty()) {
            x.append("    <scope>").append(Text.xml(String.join(" ", e.scopes()))).append("</scope>\n");
        }
        if (e.authorizationEndpoint() != null) {
            x.append("    <authURL>").append(Text.xml(e.authorizationEndpoint())).append("</authURL>\n");
        }
        if (e.tokenEndpoint() != null) {
            x.append("    <tokenURL>").append(Text.xml(e.tokenEndpoint())).append("</tokenURL>\n");
        }
        x.append("  </oAuth2>\n");
    }

    /** The autoconfig placeholders, so the file works for every address at the domain. */
    static String placeholder(String username, AccountProfile p) {
        if (username.equalsIgnoreCase(p.address().toString())) {
            return "%EMAILADDRESS%";
        }
        if (username.equals(p.address().localPart())) {
            return "%EMAILLOCALPART%";
        }
        return username;
    }
}
