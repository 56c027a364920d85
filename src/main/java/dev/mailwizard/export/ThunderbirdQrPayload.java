package dev.mailwizard.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;

import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The payload of Thunderbird's "Export for Mobile" QR code, format version 1: one account as
 * nested JSON arrays, {@code [1, [1, 1], IncomingServer, [[OutgoingServer, Identity]]]}.
 * The account name is left out (the reader then uses the identity's address), so an element
 * follows the username only when a password is carried: then the name is written as {@code ""},
 * never {@code null}, which Thunderbird for Android's reader cannot read as a string.
 * {@code password} is empty unless the person asked for it; it goes only to servers that sign in
 * with a password.
 */
record ThunderbirdQrPayload(AccountProfile account, ServerSetting incoming, ServerSetting outgoing, Optional<String> password) {
    static final int FORMAT_VERSION = 1;
    static final int IMAP = 0;
    static final int POP3 = 1;
    static final int SMTP = 0;
    static final int STARTTLS = 2;
    static final int TLS = 3;
    static final int PASSWORD_CLEARTEXT = 1;
    static final int PASSWORD_ENCRYPTED = 2;
    static final int OAUTH2 = 6;

    /**
     * Non-ASCII characters (a display name's accents) are written as JSON {@code \\u} escapes, so the
     * code holds ASCII only: every scanner reads it the same, with no character-set header in the code.
     */
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    ThunderbirdQrPayload {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(incoming, "incoming");
        Objects.requireNonNull(outgoing, "outgoing");
        password = password == null ? Optional.empty() : password.filter(p -> !p.isEmpty());
    }

    /** Whether a password is in the payload (some server signs in with one, and it was asked for). */
    boolean holdsPassword() {
        return password.isPresent() && (!incoming.oauth2() || !outgoing.oauth2());
    }

    /** The payload as compact JSON, ASCII only. */
    String json() {
        ArrayNode root = JSON.createArrayNode();
        root.add(FORMAT_VERSION);
        root.addArray().add(1).add(1); // sequence 1 of 1: one account always fits one code
        ArrayNode in = server(root.addArray(), incoming.protocol() == Protocol.POP3 ? POP3 : IMAP, incoming);
        secret(incoming).ifPresent(s -> in.add("").add(s));
        ArrayNode group = root.addArray().addArray();
        ArrayNode out = server(group.addArray(), SMTP, outgoing);
        secret(outgoing).ifPresent(out::add);
        group.addArray().add(account.address().toString()).add(Text.line(account.displayName()));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // an in-memory tree of numbers and strings always serialises
        }
    }

    private static ArrayNode server(ArrayNode a, int protocol, ServerSetting s) {
        return a.add(protocol).add(s.host()).add(s.port()).add(s.security() == Security.TLS ? TLS : STARTTLS)
                .add(authenticationType(s)).add(s.username());
    }

    /** OAuth2 is 6; a password goes in clear inside TLS (1) unless the test logged in with CRAM-MD5 (2). */
    static int authenticationType(ServerSetting s) {
        if (s.oauth2()) {
            return OAUTH2;
        }
        return "CRAM-MD5".equals(s.authMechanism()) ? PASSWORD_ENCRYPTED : PASSWORD_CLEARTEXT;
    }

    private Optional<String> secret(ServerSetting s) {
        return s.oauth2() ? Optional.empty() : password;
    }

    @Override
    public String toString() {
        return "ThunderbirdQrPayload[" + account.address() + ", " + incoming.describe() + ", " + outgoing.describe() + ", password "
                + (password.isPresent() ? "<redacted>" : "none") + "]";
    }
}
