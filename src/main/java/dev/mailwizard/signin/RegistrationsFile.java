package dev.mailwizard.signin;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailwizard.model.HostNames;
import dev.mailwizard.model.OAuth2Endpoints;
import dev.mailwizard.platform.Platform;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OAuth2 client registrations an organisation made ({@code oauth2.json}, CONTRACT "Sign-in"):
 * {@code {"registrations": [{issuer, hosts, clientId, clientSecret, authorizationEndpoint,
 * tokenEndpoint, scopes}]}}. MailWizard ships no client id of its own, so sign-in is possible only
 * for providers listed here. Every error names the file, the entry and the field.
 */
public final class RegistrationsFile {
    public static final String FILE_NAME = "oauth2.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;
    private final List<Registration> registrations;

    private RegistrationsFile(Path path, List<Registration> registrations) {
        this.path = path;
        this.registrations = List.copyOf(registrations);
    }

    /** {@code oauth2.json} in the user's MailWizard config folder on this system. */
    public static Path defaultPath() {
        return Platform.current().configDir().resolve(FILE_NAME);
    }

    /** {@code %APPDATA%\MailWizard}, {@code ~/Library/Application Support/MailWizard}, else {@code $XDG_CONFIG_HOME/mailwizard} or {@code ~/.config/mailwizard}. */
    static Path defaultPath(Map<String, String> env, String osName, Path home) {
        return Platform.of(osName, env, home).configDir().resolve(FILE_NAME);
    }

    /** Reads {@code file}, which must exist (it was named on purpose). */
    public static RegistrationsFile read(Path file) {
        try {
            return parse(file, Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new RegistrationException(file + " does not exist: write the registrations there (see the README, \"Sign in with OAuth2\")");
        } catch (IOException e) {
            throw new RegistrationException(file + " cannot be read: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }

    /** Reads {@code file}, or no registrations when it does not exist (the default location, never set up). */
    public static RegistrationsFile readIfPresent(Path file) {
        return Files.exists(file) ? read(file) : empty(file);
    }

    /** No registrations, as if {@code file} did not exist (for a wizard that reads none). */
    public static RegistrationsFile empty(Path file) {
        return new RegistrationsFile(file, List.of());
    }

    /** The registrations in {@code text}, as if read from {@code file}. */
    static RegistrationsFile parse(Path file, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            // The location only: the parser's message may quote the file, and the file may hold a client secret.
            var at = e.getLocation();
            throw new RegistrationException(file + " is not valid JSON" + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + ": it must be {\"registrations\": [...]}");
        }
        if (root == null || !root.isObject() || !root.path("registrations").isArray()) {
            throw new RegistrationException(file + " has no \"registrations\" list: it must be {\"registrations\": [...]}");
        }
        List<Registration> list = new ArrayList<>();
        JsonNode entries = root.get("registrations");
        for (int i = 0; i < entries.size(); i++) {
            list.add(new EntryReader(file, i, entries.get(i)).read());
        }
        return new RegistrationsFile(file, list);
    }

    public Path path() {
        return path;
    }

    public List<Registration> registrations() {
        return registrations;
    }

    /**
     * The client for the first server host (in the order given) that a registration serves, with
     * what the entry leaves out taken from discovery when discovery names the same issuer; empty
     * when no registration serves any of the hosts. RegistrationException when the entry that fits
     * still lacks an endpoint or a scope.
     */
    public Optional<OAuth2Client> resolve(List<String> serverHosts, OAuth2Endpoints fromDiscovery) {
        for (String host : serverHosts) {
            for (int i = 0; i < registrations.size(); i++) {
                if (registrations.get(i).serves(host)) {
                    return Optional.of(complete(i, registrations.get(i), fromDiscovery));
                }
            }
        }
        return Optional.empty();
    }

    /** The client secret of the registration for this issuer and client id, or null (a public client, or no such entry). */
    public String clientSecret(String issuer, String clientId) {
        return registrations.stream().filter(r -> Issuers.same(r.issuer(), issuer) && r.clientId().equals(clientId))
                .map(Registration::clientSecret).filter(s -> s != null).findFirst().orElse(null);
    }

    private OAuth2Client complete(int index, Registration r, OAuth2Endpoints discovered) {
        boolean sameIssuer = discovered != null && (discovered.issuer() == null || Issuers.same(discovered.issuer(), r.issuer()));
        OAuth2Endpoints usable = sameIssuer ? discovered : null;
        String why = discovered != null && !sameIssuer ? "discovery found another issuer (" + discovered.issuer() + ")" : "discovery found none";
        URI auth = r.authorizationEndpoint() != null ? r.authorizationEndpoint()
                : fromDiscovery(index, r, "authorizationEndpoint", usable == null ? null : usable.authorizationEndpoint(), why);
        URI token = r.tokenEndpoint() != null ? r.tokenEndpoint()
                : fromDiscovery(index, r, "tokenEndpoint", usable == null ? null : usable.tokenEndpoint(), why);
        List<String> scopes = !r.scopes().isEmpty() ? r.scopes() : usable == null ? List.of() : usable.scopes();
        if (scopes.isEmpty()) {
            throw new RegistrationException(where(index, r) + " has no \"scopes\" and " + why + ": add the scopes the mail servers need");
        }
        return new OAuth2Client(r.issuer(), r.clientId(), r.clientSecret(), auth, token, scopes);
    }

    private URI fromDiscovery(int index, Registration r, String field, String value, String why) {
        if (value == null) {
            throw new RegistrationException(where(index, r) + " has no \"" + field + "\" and " + why + ": add \"" + field + "\"");
        }
        try {
            return HttpsUrl.parse(value);
        } catch (IllegalArgumentException e) {
            throw new RegistrationException(where(index, r) + " takes its \"" + field + "\" from discovery, which found " + e.getMessage()
                    + ": add \"" + field + "\" to the registration");
        }
    }

    private String where(int index, Registration r) {
        return path + ": registrations[" + index + "] (issuer " + r.issuer() + ")";
    }

    /** Reads one entry, naming the field that is wrong. */
    private record EntryReader(Path file, int index, JsonNode node) {
        Registration read() {
            if (!node.isObject()) {
                throw bad("", "is not an object");
            }
            String issuer = requiredText("issuer", "the issuer's name, e.g. login.microsoftonline.com");
            List<String> hosts = hosts();
            String clientId = requiredText("clientId", "the client id of your organisation's app registration");
            String secret = optionalText("clientSecret");
            URI auth = endpoint("authorizationEndpoint");
            URI token = endpoint("tokenEndpoint");
            return new Registration(issuer, hosts, clientId, secret, auth, token, scopes());
        }

        private String requiredText(String field, String what) {
            String value = optionalText(field);
            if (value == null || value.isBlank()) {
                throw bad("." + field, "is missing: add " + what);
            }
            return value.strip();
        }

        private String optionalText(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isTextual()) {
                throw bad("." + field, "must be a string");
            }
            return v.asText();
        }

        private List<String> hosts() {
            JsonNode v = node.get("hosts");
            if (v == null || !v.isArray() || v.isEmpty()) {
                throw bad(".hosts", "is missing: list the mail server names (or their domains) this registration is for");
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                JsonNode h = v.get(i);
                if (!h.isTextual()) {
                    throw bad(".hosts[" + i + "]", "must be a string");
                }
                try {
                    out.add(HostNames.toAscii(h.asText()));
                } catch (IllegalArgumentException e) {
                    throw bad(".hosts[" + i + "]", "is not a host name: " + e.getMessage());
                }
            }
            return out;
        }

        private URI endpoint(String field) {
            String value = optionalText(field);
            if (value == null) {
                return null;
            }
            try {
                return HttpsUrl.parse(value);
            } catch (IllegalArgumentException e) {
                throw bad("." + field, e.getMessage());
            }
        }

        private List<String> scopes() {
            JsonNode v = node.get("scopes");
            if (v == null || v.isNull()) {
                return List.of();
            }
            if (!v.isArray()) {
                throw bad(".scopes", "must be a list of strings, e.g. [\"https://mail.google.com/\"]");
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                JsonNode s = v.get(i);
                if (!s.isTextual() || s.asText().isBlank() || s.asText().strip().contains(" ")) {
                    throw bad(".scopes[" + i + "]", "must be one scope (a string without spaces)");
                }
                out.add(s.asText().strip());
            }
            return out;
        }

        private RegistrationException bad(String field, String problem) {
            return new RegistrationException(file + ": registrations[" + index + "]" + field + " " + problem);
        }
    }
}
