package dev.mailwizard.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailwizard.model.AuthMethod;
import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;

import java.util.ArrayList;
import java.util.List;

/** Reads the settings to export out of a contract JSON report: the recommendation first, then the alternatives. */
public final class ReportProfiles {
    private ReportProfiles() {
    }

    /**
     * @throws IllegalArgumentException naming what the report lacks (not a MailWizard report, no address, nothing working)
     */
    public static AccountProfile from(JsonNode report, String displayName) {
        if (!report.isObject() || report.path("schemaVersion").asInt(-1) != 1) {
            throw new IllegalArgumentException("not a MailWizard JSON report (schemaVersion 1): make one with mailwizard probe ADDRESS --json");
        }
        String address = ReportDocument.text(report, "address");
        EmailAddress parsed;
        try {
            parsed = EmailAddress.parse(address);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the report is for '" + Text.shown(address) + "', not an e-mail address; probe the address, not a host name, to export profiles");
        }
        List<ServerSetting> outgoing = new ArrayList<>();
        List<ServerSetting> incoming = new ArrayList<>();
        add(report.path("recommended"), outgoing, incoming, parsed);
        report.path("alternatives").forEach(a -> add(a, outgoing, incoming, parsed));
        add(report.path("recommendedIncoming"), outgoing, incoming, parsed);
        report.path("alternativesIncoming").forEach(a -> add(a, outgoing, incoming, parsed));
        return new AccountProfile(parsed, displayName, outgoing, incoming, true, ProviderJson.read(report), TrustJson.read(report));
    }

    private static void add(JsonNode r, List<ServerSetting> outgoing, List<ServerSetting> incoming, EmailAddress address) {
        if (!r.isObject()) {
            return;
        }
        Protocol protocol = named(Protocol.class, r.path("protocol").asText("SMTP"), "protocol");
        Security security = named(Security.class, r.path("security").asText(), "security");
        String user = ReportDocument.text(r, "username");
        AuthMethod method = authMethod(r);
        ServerSetting s;
        try {
            Endpoint endpoint = new Endpoint(protocol, r.path("host").asText(), r.path("port").asInt(), security);
            s = new ServerSetting(endpoint, user.isEmpty() ? address.toString() : user, ReportDocument.text(r, "authMechanism"), method);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the report names a server MailWizard cannot use: " + e.getMessage());
        }
        (protocol == Protocol.SMTP ? outgoing : incoming).add(s);
    }

    /** How the server's login proves who you are; reports older than the sign-in fields used passwords. */
    private static AuthMethod authMethod(JsonNode r) {
        JsonNode v = r.path("authMethod");
        if (v.isMissingNode() || v.isNull()) {
            return AuthMethod.PASSWORD;
        }
        AuthMethod m = AuthMethod.byId(v.asText());
        if (m == null) {
            throw new IllegalArgumentException("the report names a server whose authMethod is '" + Text.shown(v.asText()) + "', not one of "
                    + java.util.Arrays.stream(AuthMethod.values()).map(AuthMethod::id).collect(java.util.stream.Collectors.joining(", ")));
        }
        return m;
    }

    /** The contract's JSON value of an enum, or an error in words (not Java's "No enum constant"). */
    private static <E extends Enum<E>> E named(Class<E> type, String value, String field) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return e;
            }
        }
        throw new IllegalArgumentException("the report names a server whose " + field + " is '" + Text.shown(value) + "', not one of "
                + java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(java.util.stream.Collectors.joining(", ")));
    }
}
