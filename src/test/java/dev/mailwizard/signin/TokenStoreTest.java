package dev.mailwizard.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.PasswordAccessException;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The OS keyring store, with java-keyring's behaviour played by a stand-in: what is written (JSON
 * without the client secret, under service "MailWizard OAuth2" and the address), and that a system
 * without a keyring or a failing one gives words, not a stack trace.
 */
class TokenStoreTest {
    private static final StoredGrant GRANT = new StoredGrant("accounts.google.com", URI.create("https://oauth2.googleapis.com/token"),
            "123-example.apps.googleusercontent.com", List.of("https://mail.google.com/"), "1//refresh-token-value");

    /** A keyring in a map, as java-keyring behaves: a missing entry is a PasswordAccessException. */
    static final class MapKeyring implements KeyringTokenStore.Backend {
        final Map<String, String> entries = new HashMap<>();

        @Override
        public String get(String service, String account) throws PasswordAccessException {
            String v = entries.get(service + "|" + account);
            if (v == null) {
                throw new PasswordAccessException("No stored credentials match " + service + " account: " + account);
            }
            return v;
        }

        @Override
        public void set(String service, String account, String secret) {
            entries.put(service + "|" + account, secret);
        }

        @Override
        public void delete(String service, String account) throws PasswordAccessException {
            if (entries.remove(service + "|" + account) == null) {
                throw new PasswordAccessException("No stored credentials match " + service + " account: " + account);
            }
        }
    }

    /** A keyring that fails every call the given way. */
    static KeyringTokenStore.Backend failing(Exception e) {
        return new KeyringTokenStore.Backend() {
            @Override
            public String get(String service, String account) throws BackendNotSupportedException, PasswordAccessException {
                throw rethrow(e);
            }

            @Override
            public void set(String service, String account, String secret) throws BackendNotSupportedException, PasswordAccessException {
                throw rethrow(e);
            }

            @Override
            public void delete(String service, String account) throws BackendNotSupportedException, PasswordAccessException {
                throw rethrow(e);
            }
        };
    }

    private static RuntimeException rethrow(Exception e) throws BackendNotSupportedException, PasswordAccessException {
        if (e instanceof BackendNotSupportedException b) {
            throw b;
        }
        if (e instanceof PasswordAccessException p) {
            throw p;
        }
        throw (RuntimeException) e;
    }

    @Test
    void aGrantIsKeptAsJsonUnderTheAddressWithoutTheClientSecret() throws Exception {
        MapKeyring keyring = new MapKeyring();
        KeyringTokenStore store = new KeyringTokenStore(keyring);
        store.save("alice@gmail.com", GRANT);
        assertThat(keyring.entries).containsOnlyKeys("MailWizard OAuth2|alice@gmail.com");
        String json = keyring.entries.get("MailWizard OAuth2|alice@gmail.com");
        assertThat(json).contains("\"issuer\":\"accounts.google.com\"", "\"tokenEndpoint\":\"https://oauth2.googleapis.com/token\"",
                "\"clientId\":\"123-example.apps.googleusercontent.com\"", "\"scopes\":[\"https://mail.google.com/\"]",
                "\"refreshToken\":\"1//refresh-token-value\"").doesNotContain("clientSecret", "GOCSPX");
        assertThat(store.load("alice@gmail.com")).contains(GRANT);
        assertThat(store.load("bob@gmail.com")).isEmpty();
        assertThat(store.delete("alice@gmail.com")).isTrue();
        assertThat(store.delete("alice@gmail.com")).isFalse();
        assertThat(store.load("alice@gmail.com")).isEmpty();
        assertThat(GRANT.toString()).doesNotContain("refresh-token-value");
    }

    @Test
    void noKeyringOnThisSystemIsSaidInWords() {
        KeyringTokenStore store = new KeyringTokenStore(failing(new BackendNotSupportedException("No available keyring backend found")));
        String words = "no OS keyring is available here (Linux needs a Secret Service such as GNOME Keyring or KWallet in the desktop session;"
                + " macOS the Keychain; Windows the Credential Manager)";
        assertThatThrownBy(() -> store.save("alice@gmail.com", GRANT)).isInstanceOf(TokenStoreException.class).hasMessage(words);
        assertThatThrownBy(() -> store.load("alice@gmail.com")).isInstanceOf(TokenStoreException.class).hasMessage(words);
        assertThatThrownBy(() -> store.delete("alice@gmail.com")).isInstanceOf(TokenStoreException.class).hasMessage(words);
    }

    @Test
    void aFailingKeyringIsSaidInWords() {
        KeyringTokenStore broken = new KeyringTokenStore(failing(new IllegalStateException("org.freedesktop.DBus.Error.ServiceUnknown")));
        assertThatThrownBy(() -> broken.save("alice@gmail.com", GRANT)).isInstanceOf(TokenStoreException.class)
                .hasMessage("the OS keyring did not store it (IllegalStateException: org.freedesktop.DBus.Error.ServiceUnknown)");
        KeyringTokenStore locked = new KeyringTokenStore(failing(new PasswordAccessException("Prompt dismissed")));
        assertThatThrownBy(() -> locked.save("alice@gmail.com", GRANT)).isInstanceOf(TokenStoreException.class)
                .hasMessage("the OS keyring did not store it (Prompt dismissed); is it locked?");
    }

    @Test
    void anEntryThatIsNotOursIsNamedWithTheWayOut() throws Exception {
        MapKeyring keyring = new MapKeyring();
        keyring.set(KeyringTokenStore.SERVICE, "alice@gmail.com", "hunter2");
        assertThatThrownBy(() -> new KeyringTokenStore(keyring).load("alice@gmail.com")).isInstanceOf(TokenStoreException.class)
                .hasMessage("the keyring entry \"MailWizard OAuth2\" for alice@gmail.com cannot be used (it is not MailWizard's JSON):"
                        + " remove it with mailwizard oauth2 forget alice@gmail.com and sign in again")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
        keyring.set(KeyringTokenStore.SERVICE, "bob@gmail.com", "{\"issuer\":\"x\",\"tokenEndpoint\":\"http://x/token\",\"clientId\":\"c\",\"refreshToken\":\"r\"}");
        assertThatThrownBy(() -> new KeyringTokenStore(keyring).load("bob@gmail.com")).isInstanceOf(TokenStoreException.class)
                .hasMessageContaining("is not an https URL");
    }

    @Test
    void theMemoryStoreForgetsWithTheProcess() {
        MemoryTokenStore store = new MemoryTokenStore();
        store.save("alice@gmail.com", GRANT);
        assertThat(store.load("alice@gmail.com")).contains(GRANT);
        assertThat(store.delete("alice@gmail.com")).isTrue();
        assertThat(new MemoryTokenStore().load("alice@gmail.com")).isEmpty();
    }
}
