package dev.mailwizard.export;

import dev.mailwizard.model.Protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An Apple configuration profile ({@code .mobileconfig}, payload {@code com.apple.mail.managed}) for
 * Mail on macOS, iOS and iPadOS. Identifiers and UUIDs are derived from the account, so exporting
 * again replaces the installed profile instead of adding a second one. No password: Apple allows one
 * only in profiles encrypted for one device, which a desktop tool cannot make; the device asks.
 */
public final class AppleProfileWriter extends FormatWriter {
    private static final String CLIENT = "Apple Mail";

    public AppleProfileWriter() {
        super("apple", "Apple Mail on macOS, iOS and iPadOS (configuration profile; optionally signed)", false);
    }

    public static String fileName(AccountProfile p) {
        return p.address().toString().replaceAll("[^A-Za-z0-9@._+-]", "_") + ".mobileconfig";
    }

    @Override
    Optional<String> oauth2Problem(ServerSetting s, AccountProfile p) {
        return Optional.of("an Apple mail profile has no OAuth2 setting (its logins are none, password, CRAM-MD5, NTLM and HTTP MD5);"
                + " add the account in Settings > Mail > Accounts, where Apple signs in to Google, Microsoft and Yahoo itself");
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
        if (in.isEmpty()) {
            return new ExportResult.Refused("an Apple mail profile must have an incoming server; " + in.refusal("incoming server"));
        }
        ServerSetting smtp = out.first().orElseThrow();
        ServerSetting incoming = in.first().orElseThrow();
        String id = "dev.mailwizard.profile." + p.slug();
        String plist = plist(p, smtp, incoming, id);
        List<String> notes = new ArrayList<>(in.notes());
        notes.addAll(out.notes());
        if (p.trust().hasCa()) {
            notes.add("the profile also installs your own CA (" + String.join(", ", p.trust().caSources()) + "); on iPhone and iPad turn on"
                    + " full trust for it in Settings > General > About > Certificate Trust Settings");
        }
        notes.addAll(TrustFiles.pinsNotCarried(input, CLIENT));
        if (out.servers().size() > 1) {
            notes.add("an Apple profile holds one outgoing server: " + smtp.describe());
        }
        if (input.password().isPresent()) {
            notes.add("no password written: Apple allows it only in a profile encrypted for one device; the device asks when the profile is installed");
        }
        byte[] bytes = plist.getBytes(StandardCharsets.UTF_8);
        if (input.signing().isPresent()) {
            bytes = ProfileSigner.sign(bytes, input.signing().get());
            notes.add("signed by " + input.signing().get().subject());
        } else {
            notes.add("unsigned: the device shows it as \"Not Verified\" (sign it with --sign-cert and --sign-key to avoid that)");
        }
        return new ExportResult.Written(List.of(new ExportFile(fileName(p), bytes, false)), notes);
    }

    private static String plist(AccountProfile p, ServerSetting smtp, ServerSetting in, String id) {
        String seed = p.address() + "|" + in.host() + ":" + in.port() + "|" + smtp.host() + ":" + smtp.port();
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n");
        x.append(SignIn.xmlComment(SignIn.comments(p, List.of(smtp, in))));
        x.append("<plist version=\"1.0\">\n<dict>\n");
        x.append("  <key>PayloadContent</key>\n  <array>\n    <dict>\n");
        String d = "      ";
        str(x, d, "PayloadType", "com.apple.mail.managed");
        integer(x, d, "PayloadVersion", 1);
        str(x, d, "PayloadIdentifier", id + ".mail");
        str(x, d, "PayloadUUID", uuid("mail|" + seed));
        str(x, d, "PayloadDisplayName", "Mail (" + p.address() + ")");
        str(x, d, "EmailAccountType", in.protocol() == Protocol.IMAP ? "EmailTypeIMAP" : "EmailTypePOP");
        str(x, d, "EmailAccountDescription", p.address().toString());
        str(x, d, "EmailAccountName", p.senderName());
        str(x, d, "EmailAddress", p.address().toString());
        str(x, d, "IncomingMailServerHostName", in.host());
        integer(x, d, "IncomingMailServerPortNumber", in.port());
        bool(x, d, "IncomingMailServerUseSSL", true);
        str(x, d, "IncomingMailServerAuthentication", auth(in));
        str(x, d, "IncomingMailServerUsername", in.username());
        str(x, d, "OutgoingMailServerHostName", smtp.host());
        integer(x, d, "OutgoingMailServerPortNumber", smtp.port());
        bool(x, d, "OutgoingMailServerUseSSL", true);
        str(x, d, "OutgoingMailServerAuthentication", auth(smtp));
        str(x, d, "OutgoingMailServerUsername", smtp.username());
        bool(x, d, "OutgoingPasswordSameAsIncomingPassword", smtp.username().equals(in.username()));
        x.append("    </dict>\n");
        List<byte[]> cas = Pem.certificates(p.trust().caPem());
        for (int i = 0; i < cas.size(); i++) {
            x.append("    <dict>\n");
            str(x, d, "PayloadType", "com.apple.security.root");
            integer(x, d, "PayloadVersion", 1);
            str(x, d, "PayloadIdentifier", id + ".ca" + (i + 1));
            str(x, d, "PayloadUUID", uuid("ca|" + p.address() + "|" + java.util.Base64.getEncoder().encodeToString(cas.get(i))));
            str(x, d, "PayloadDisplayName", "CA for " + p.address() + (cas.size() > 1 ? " (" + (i + 1) + ")" : ""));
            str(x, d, "PayloadCertificateFileName", p.slug() + "-ca" + (i + 1) + ".cer");
            // PayloadContent of a certificate payload is the DER certificate as <data> (base64).
            x.append(d).append("<key>PayloadContent</key><data>").append(java.util.Base64.getEncoder().encodeToString(cas.get(i))).append("</data>\n");
            x.append("    </dict>\n");
        }
        x.append("  </array>\n");
        String t = "  ";
        str(x, t, "PayloadType", "Configuration");
        integer(x, t, "PayloadVersion", 1);
        str(x, t, "PayloadIdentifier", id);
        str(x, t, "PayloadUUID", uuid("profile|" + p.address()));
        str(x, t, "PayloadDisplayName", "Mail settings for " + p.address());
        str(x, t, "PayloadDescription", "Made by MailWizard " + p.origin() + ": " + in.describe() + ", " + smtp.describe() + ".");
        str(x, t, "PayloadOrganization", p.address().displayDomain());
        x.append("</dict>\n</plist>\n");
        return x.toString();
    }

    private static String auth(ServerSetting s) {
        return s.challengeResponse() ? "EmailAuthCRAMMD5" : "EmailAuthPassword";
    }

    /** Name-based (version 3) UUID: the same account gives the same UUID, different accounts never collide. */
    static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(("dev.mailwizard|" + seed).getBytes(StandardCharsets.UTF_8)).toString().toUpperCase(java.util.Locale.ROOT);
    }

    private static void str(StringBuilder x, String indent, String key, String value) {
        x.append(indent).append("<key>").append(key).append("</key><string>").append(Text.xml(value)).append("</string>\n");
    }

    private static void integer(StringBuilder x, String indent, String key, int value) {
        x.append(indent).append("<key>").append(key).append("</key><integer>").append(value).append("</integer>\n");
    }

    private static void bool(StringBuilder x, String indent, String key, boolean value) {
        x.append(indent).append("<key>").append(key).append("</key>").append(value ? "<true/>" : "<false/>").append('\n');
    }
}
