package dev.mailwizard.export;

import dev.mailwizard.model.Security;

import java.util.ArrayList;
import java.util.List;

/**
 * Thunderbird's autoconfig file ({@code config-v1.1.xml}), also read by Thunderbird for Android/K-9,
 * Evolution, KMail and FairEmail. Thunderbird refuses a file without an incoming server, and
 * silently drops a server it cannot read, so both are checked here rather than left to the client.
 */
public final class ThunderbirdAutoconfigWriter extends FormatWriter {
    public static final String FILE = "config-v1.1.xml";

    public ThunderbirdAutoconfigWriter() {
        super("thunderbird", "Thunderbird, Thunderbird for Android/K-9, Evolution, KMail, FairEmail (autoconfig file)", false);
    }

    @Override
    public ExportResult write(ExportInput input) {
        AccountProfile p = input.profile();
        Usable out = Usable.encrypted(p.outgoing());
        Usable in = Usable.encrypted(p.incoming());
        if (out.isEmpty()) {
            return new ExportResult.Refused(out.refusal("outgoing server"));
        }
        if (in.isEmpty()) {
            return new ExportResult.Refused("Thunderbird rejects an autoconfig file without an incoming server; "
                    + in.refusal("incoming server"));
        }
        String domain = p.address().domain();
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<!-- Made by MailWizard ").append(p.origin()).append(". Host it at https://autoconfig.").append(Text.xml(domain))
                .append("/mail/config-v1.1.xml,\n     or give it to Thunderbird as <install dir>/isp/").append(Text.xml(domain))
                .append(".xml. Servers are listed best first. No password is stored: the client asks for it. -->\n");
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
        x.append("</clientConfig>\n");
        List<String> notes = new ArrayList<>(in.notes());
        notes.addAll(out.notes());
        if (input.password().isPresent()) {
            notes.add("no password written: this file is per domain and often public; the client asks for the password");
        }
        return new ExportResult.Written(List.of(ExportFile.text(FILE, x.toString())), notes);
    }

    private static void server(StringBuilder x, String element, String type, ServerSetting s, AccountProfile p) {
        x.append("    <").append(element).append(" type=\"").append(type).append("\">\n");
        x.append("      <hostname>").append(Text.xml(s.host())).append("</hostname>\n");
        x.append("      <port>").append(s.port()).append("</port>\n");
        x.append("      <socketType>").append(s.security() == Security.TLS ? "SSL" : "STARTTLS").append("</socketType>\n");
        x.append("      <authentication>").append(s.challengeResponse() ? "password-encrypted" : "password-cleartext")
                .append("</authentication>\n");
        x.append("      <username>").append(Text.xml(placeholder(s.username(), p))).append("</username>\n");
        x.append("    </").append(element).append(">\n");
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
