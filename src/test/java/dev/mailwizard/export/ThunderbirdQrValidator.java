package dev.mailwizard.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a payload against every rule of Thunderbird's "Export for Mobile" QR code format, version
 * 1 (feature/migration/qrcode/qr-code-format.md in thunderbird-android), as a writer must follow
 * them, plus the checks Thunderbird for Android's reader makes on top (QrCodePayloadValidator,
 * IntValueMapper, its Moshi adapter), each reason saying which. Independent of the writer: it reads
 * the JSON with its own parser and knows nothing of MailWizard's records.
 *
 * <p>Written to the spec: the root {@code [FormatVersion, MiscellaneousData, (IncomingServer,
 * OutgoingServerGroups)+]}; version 1; sequence numbers 1-based, number within end; per protocol
 * the element types and counts, optional elements left out only from the end (so counts between
 * the required and the defined), and no element beyond what version 1 defines; protocol,
 * connection security and authentication codes in range, the reserved security code 1 never
 * written; ports 1-65535; ASCII-only host names (ACE for IDNs) and addresses; at least one
 * outgoing group per account and one identity per group. From the app: no line breaks in names,
 * login names and passwords; no {@code null} (Moshi's {@code nextString} fails on it, although the
 * spec allows it for the account name and the password); GSSAPI (3) and NTLM (4) are skipped.
 */
public final class ThunderbirdQrValidator {
    private static final JsonMapper JSON = new JsonMapper();
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern ATOM = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+");
    private static final int INCOMING_REQUIRED = 6;
    private static final int INCOMING_DEFINED = 8;
    private static final int OUTGOING_REQUIRED = 6;
    private static final int OUTGOING_DEFINED = 7;

    private final List<String> problems = new ArrayList<>();

    private ThunderbirdQrValidator() {
    }

    /** Everything wrong with the payload, first found first; empty when it follows every rule. */
    public static List<String> problems(String payload) {
        ThunderbirdQrValidator v = new ThunderbirdQrValidator();
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
        v.root(root);
        return List.copyOf(v.problems);
    }

    private void root(JsonNode root) {
        if (root == null || !root.isArray()) {
            problems.add("the root is not an array");
            return;
        }
        if (root.isEmpty() || !root.get(0).isInt() || root.get(0).asInt() != 1) {
            problems.add("FormatVersion is " + (root.isEmpty() ? "missing" : root.get(0)) + ", not 1");
            return; // a reader stops at an unknown version
        }
        if (root.size() < 4) {
            problems.add("the root has " + root.size() + " elements; it needs FormatVersion, MiscellaneousData and at least one account"
                    + " (IncomingServer, OutgoingServerGroups)");
            return;
        }
        misc(root.get(1));
        if (root.size() % 2 != 0) {
            problems.add("account " + ((root.size() - 2) / 2 + 1) + " has an IncomingServer without its OutgoingServerGroups");
        }
        for (int i = 2, account = 1; i + 1 < root.size(); i += 2, account++) {
            incoming("account " + account + " IncomingServer", root.get(i));
            groups("account " + account + " OutgoingServerGroups", root.get(i + 1));
        }
    }

    private void misc(JsonNode misc) {
        if (!elements("MiscellaneousData", misc, 2, 2)) {
            return;
        }
        boolean numbers = integer("MiscellaneousData SequenceNumber", misc.get(0)) & integer("MiscellaneousData SequenceEnd", misc.get(1));
        if (numbers) {
            int number = misc.get(0).asInt();
            int end = misc.get(1).asInt();
            if (number < 1 || end < 1) {
                problems.add("sequence " + number + " of " + end + ": both are 1-based");
            } else if (number > end) {
                problems.add("sequence " + number + " of " + end + ": the number is past the end");
            }
        }
    }

    private void incoming(String where, JsonNode s) {
        if (!elements(where, s, INCOMING_REQUIRED, INCOMING_DEFINED)) {
            return;
        }
        if (integer(where + " IncomingProtocol", s.get(0)) && s.get(0).asInt() != 0 && s.get(0).asInt() != 1) {
            problems.add(where + " IncomingProtocol " + s.get(0) + " is not 0 (IMAP) or 1 (POP3)");
        }
        server(where, s);
        optionalText(where + " AccountName", s.get(6));
        optionalText(where + " Password", s.get(7));
    }

    private void groups(String where, JsonNode groups) {
        if (!groups.isArray() || groups.isEmpty()) {
            problems.add(where + " is not an array of at least one OutgoingServerGroup");
            return;
        }
        for (int g = 0; g < groups.size(); g++) {
            String group = where + " group " + (g + 1);
            JsonNode a = groups.get(g);
            if (!a.isArray() || a.size() < 2) {
                problems.add(group + " is not an array of an OutgoingServer and at least one Identity");
                continue;
            }
            outgoing(group + " OutgoingServer", a.get(0));
            for (int i = 1; i < a.size(); i++) {
                identity(group + " Identity " + i, a.get(i));
            }
        }
    }

    private void outgoing(String where, JsonNode s) {
        if (!elements(where, s, OUTGOING_REQUIRED, OUTGOING_DEFINED)) {
            return;
        }
        if (integer(where + " OutgoingProtocol", s.get(0)) && s.get(0).asInt() != 0) {
            problems.add(where + " OutgoingProtocol " + s.get(0) + " is not 0 (SMTP)");
        }
        server(where, s);
        optionalText(where + " Password", s.get(6));
    }

    /** Hostname, Port, ConnectionSecurity, AuthenticationType, Username: the same places for both kinds of server. */
    private void server(String where, JsonNode s) {
        hostname(where + " Hostname", s.get(1));
        if (integer(where + " Port", s.get(2)) && (s.get(2).asInt() < 1 || s.get(2).asInt() > 65535)) {
            problems.add(where + " Port " + s.get(2) + " is outside 1-65535");
        }
        if (integer(where + " ConnectionSecurity", s.get(3))) {
            int security = s.get(3).asInt();
            if (security == 1) {
                problems.add(where + " ConnectionSecurity 1 is reserved (legacy): a writer never uses it");
            } else if (security < 0 || security > 3) {
                problems.add(where + " ConnectionSecurity " + security + " is not 0 (plain), 2 (STARTTLS) or 3 (TLS)");
            }
        }
        if (integer(where + " AuthenticationType", s.get(4))) {
            int auth = s.get(4).asInt();
            if (auth < 0 || auth > 6) {
                problems.add(where + " AuthenticationType " + auth + " is not one of 0-6");
            } else if (auth == 3 || auth == 4) {
                problems.add(where + " AuthenticationType " + auth + " (" + (auth == 3 ? "GSSAPI" : "NTLM")
                        + ") is in the spec, but Thunderbird for Android skips the account");
            }
        }
        if (text(where + " Username", s.get(5))) {
            singleLine(where + " Username", s.get(5).asText());
        }
    }

    private void identity(String where, JsonNode id) {
        if (!elements(where, id, 2, 2)) {
            return;
        }
        if (text(where + " EmailAddress", id.get(0))) {
            emailAddress(where + " EmailAddress", id.get(0).asText());
        }
        if (text(where + " DisplayName", id.get(1))) {
            singleLine(where + " DisplayName", id.get(1).asText());
        }
    }

    /** An array with at least {@code required} and at most {@code defined} elements (optional ones leave from the end). */
    private boolean elements(String where, JsonNode a, int required, int defined) {
        if (a == null || !a.isArray()) {
            problems.add(where + " is not an array");
            return false;
        }
        if (a.size() < required) {
            problems.add(where + " has " + a.size() + " elements; version 1 requires " + required);
            return false;
        }
        if (a.size() > defined) {
            problems.add(where + " has " + a.size() + " elements; version 1 defines " + defined + ", and a writer must not add more");
        }
        return true;
    }

    private boolean integer(String where, JsonNode n) {
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            problems.add(where + " is " + n + ", not an integer");
            return false;
        }
        return true;
    }

    private boolean text(String where, JsonNode n) {
        if (n.isNull()) {
            problems.add(where + " is null, which Thunderbird for Android's reader fails on: write a string");
            return false;
        }
        if (!n.isTextual()) {
            problems.add(where + " is " + n + ", not a string");
            return false;
        }
        return true;
    }

    /** An optional element: absent, or a string ("" meaning not given). */
    private void optionalText(String where, JsonNode n) {
        if (n != null && text(where, n)) {
            singleLine(where, n.asText());
        }
    }

    private void singleLine(String where, String s) {
        if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            problems.add(where + " has a line break, which Thunderbird for Android rejects");
        }
    }

    private void hostname(String where, JsonNode n) {
        if (!text(where, n)) {
            return;
        }
        String host = n.asText();
        if (!ascii(host)) {
            problems.add(where + " '" + host + "' is not ASCII: an international name must be written in its ACE (xn--) form");
        } else if (!validHost(host)) {
            problems.add(where + " '" + host + "' is not a host name or IP address");
        }
    }

    private static boolean validHost(String host) {
        if (IPV4.matcher(host).matches() || host.indexOf(':') >= 0 && host.matches("[0-9A-Fa-f:.]+")) {
            return true;
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (name.isEmpty() || name.length() > 253) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    private void emailAddress(String where, String address) {
        if (!ascii(address)) {
            problems.add(where + " '" + address + "' is not ASCII: version 1 allows only ASCII addresses");
            return;
        }
        int at = address.lastIndexOf('@');
        String local = at < 0 ? "" : address.substring(0, at);
        String domain = at < 0 ? "" : address.substring(at + 1);
        boolean dotAtom = !local.isEmpty() && local.length() <= 64 && !local.startsWith(".") && !local.endsWith(".") && !local.contains("..")
                && java.util.Arrays.stream(local.split("\\.")).allMatch(a -> ATOM.matcher(a).matches());
        if (!dotAtom || !validHost(domain) || address.length() > 254) {
            problems.add(where + " '" + address + "' is not an e-mail address");
        }
    }

    private static boolean ascii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }
}
