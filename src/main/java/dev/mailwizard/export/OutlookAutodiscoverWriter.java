package dev.mailwizard.export;

import dev.mailwizard.model.Security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An Outlook "POX" Autodiscover response ({@code autodiscover.xml}) for a domain admin to serve at
 * {@code https://autodiscover.<domain>/autodiscover/autodiscover.xml}. Both {@code SSL} (for Outlook
 * 2007) and {@code Encryption} (which overrides it: SSL = implicit TLS, TLS = STARTTLS) are written.
 * One server per direction: Outlook uses the first of each type.
 */
public final class OutlookAutodiscoverWriter extends FormatWriter {
    public static final String FILE = "autodiscover.xml";
    private static final String CLIENT = "Outlook (and Thunderbird reading Autodiscover)";

    public OutlookAutodiscoverWriter() {
        super("outlook", "Microsoft Outlook (Autodiscover response for the domain's web server)", false);
    }

    @Override
    Optional<String> oauth2Problem(ServerSetting s, AccountProfile p) {
        return Optional.of("an Autodiscover response has no way to say OAuth2 for IMAP, POP3 or SMTP; Outlook signs in to Microsoft 365,"
                + " Outlook.com and Gmail with the provider's own page when you add the account by its address, without this file");
    }

    @Override
    Optional<String> formatProblem(ServerSetting s) {
        return StandardPorts.problem(s, CLIENT);
    }

    @Override
    public ExportResult write(ExportInput input) {
        AccountProfile p = input.profile();
        Usable out = usable(p.outgoing(), p);
        Usable in = usable(p.incoming(), p);
        if (out.isEmpty()) {
            return new ExportResult.Refused(out.refusal("outgoing server"));
        }
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        x.append("<!-- Made by MailWizard ").append(p.origin()).append(". Serve over HTTPS at https://autodiscover.")
                .append(Text.xml(p.address().domain())).append("/autodiscover/autodiscover.xml. No password is stored. -->\n");
        List<ServerSetting> written = new ArrayList<>();
        in.first().ifPresent(written::add);
        written.add(out.first().orElseThrow());
        List<String> trustWords = TrustFiles.instead(input, "Outlook", "into Windows' trusted roots (rename it to .crt, open it, Install Certificate > Current User > Trusted Root Certification Authorities)");
        List<String> comments = new ArrayList<>(SignIn.comments(p, written));
        comments.addAll(trustWords);
        x.append(SignIn.xmlComment(comments));
        x.append("<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006\">\n");
        x.append("  <Response xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a\">\n");
        x.append("    <User><DisplayName>").append(Text.xml(p.senderName())).append("</DisplayName></User>\n");
        x.append("    <Account>\n      <AccountType>email</AccountType>\n      <Action>settings</Action>\n");
        in.first().ifPresent(s -> protocol(x, s.protocol().name(), s, false));
        ServerSetting smtp = out.first().orElseThrow();
        boolean sameLogin = in.first().map(i -> i.username().equals(smtp.username())).orElse(false);
        protocol(x, "SMTP", smtp, sameLogin);
        x.append("    </Account>\n  </Response>\n</Autodiscover>\n");
        List<String> notes = new ArrayList<>(in.notes());
        notes.addAll(out.notes());
        if (in.isEmpty()) {
            notes.add("no incoming server in this file (none tested): Outlook will ask for it");
        }
        if (input.password().isPresent()) {
            notes.add("no password written: Autodiscover has no place for one; Outlook asks");
        }
        notes.addAll(trustWords);
        return new ExportResult.Written(TrustFiles.withCaCopy(p, List.of(ExportFile.text(FILE, x.toString()))), notes);
    }

    private static void protocol(StringBuilder x, String type, ServerSetting s, boolean usePopAuth) {
        x.append("      <Protocol>\n");
        x.append("        <Type>").append(type).append("</Type>\n");
        x.append("        <Server>").append(Text.xml(s.host())).append("</Server>\n");
        x.append("        <Port>").append(s.port()).append("</Port>\n");
        x.append("        <LoginName>").append(Text.xml(s.username())).append("</LoginName>\n");
        x.append("        <DomainRequired>off</DomainRequired>\n");
        x.append("        <SPA>off</SPA>\n");
        x.append("        <SSL>on</SSL>\n");
        x.append("        <Encryption>").append(s.security() == Security.TLS ? "SSL" : "TLS").append("</Encryption>\n");
        x.append("        <AuthRequired>on</AuthRequired>\n");
        if ("SMTP".equals(type)) {
            x.append("        <UsePOPAuth>").append(usePopAuth ? "on" : "off").append("</UsePOPAuth>\n");
            x.append("        <SMTPLast>off</SMTPLast>\n");
        }
        x.append("      </Protocol>\n");
    }
}
