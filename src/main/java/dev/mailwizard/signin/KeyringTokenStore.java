package dev.mailwizard.signin;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;

import java.util.Optional;

/**
 * Grants in the OS keyring through java-keyring (Secret Service on Linux, the macOS Keychain, the
 * Windows Credential Manager): service {@value #SERVICE}, account = the address, the secret = the
 * grant's JSON. A system without a keyring (a headless box without a Secret Service) gives a
 * {@link TokenStoreException} saying so, never a stack trace.
 */
public final class KeyringTokenStore implements TokenStore {
    public static final String SERVICE = "MailWizard OAuth2";
    static final String NO_KEYRING = "no OS keyring is available here (Linux needs a Secret Service such as GNOME Keyring or KWallet"
            + " in the desktop session; macOS the Keychain; Windows the Credential Manager)";

    /** The keyring's three operations, as java-keyring offers them; tests give a stand-in. */
    interface Backend {
        String get(String service, String account) throws BackendNotSupportedException, PasswordAccessException;

        void set(String service, String account, String secret) throws BackendNotSupportedException, PasswordAccessException;

        void delete(String service, String account) throws BackendNotSupportedException, PasswordAccessException;
    }

    private final Backend keyring;

    public KeyringTokenStore() {
        this(new JavaKeyring());
    }

    KeyringTokenStore(Backend keyring) {
        this.keyring = keyring;
    }

    @Override
    public Optional<StoredGrant> load(String address) throws TokenStoreException {
        String json;
        try {
            json = keyring.get(SERVICE, address);
        } catch (PasswordAccessException e) {
            return Optional.empty(); // java-keyring's answer for "no such entry" (and for a keyring left locked)
        } catch (BackendNotSupportedException e) {
            throw new TokenStoreException(NO_KEYRING);
        } catch (RuntimeException e) {
            throw failed("could not be read", e);
        }
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(StoredGrant.fromJson(json));
        } catch (IllegalArgumentException e) {
            throw new TokenStoreException("the keyring entry \"" + SERVICE + "\" for " + address + " cannot be used (" + e.getMessage()
                    + "): remove it with mailwizard oauth2 forget " + address + " and sign in again");
        }
    }

    @Override
    public void save(String address, StoredGrant grant) throws TokenStoreException {
        try {
            keyring.set(SERVICE, address, grant.toJson());
        } catch (BackendNotSupportedException e) {
            throw new TokenStoreException(NO_KEYRING);
        } catch (PasswordAccessException e) {
            throw new TokenStoreException("the OS keyring did not store it (" + e.getMessage() + "); is it locked?");
        } catch (RuntimeException e) {
            throw failed("did not store it", e);
        }
    }

    @Override
    public boolean delete(String address) throws TokenStoreException {
        try {
            keyring.delete(SERVICE, address);
            return true;
        } catch (PasswordAccessException e) {
            return false; // nothing stored under this address
        } catch (BackendNotSupportedException e) {
            throw new TokenStoreException(NO_KEYRING);
        } catch (RuntimeException e) {
            throw failed("could not remove it", e);
        }
    }

    private static TokenStoreException failed(String what, RuntimeException e) {
        return new TokenStoreException("the OS keyring " + what + " (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    }

    /** java-keyring, one keyring connection per operation (closed after it). */
    private static final class JavaKeyring implements Backend {
        @Override
        public String get(String service, String account) throws BackendNotSupportedException, PasswordAccessException {
            try (Connection k = new Connection()) {
                return k.keyring.getPassword(service, account);
            }
        }

        @Override
        public void set(String service, String account, String secret) throws BackendNotSupportedException, PasswordAccessException {
            try (Connection k = new Connection()) {
                k.keyring.setPassword(service, account, secret);
            }
        }

        @Override
        public void delete(String service, String account) throws BackendNotSupportedException, PasswordAccessException {
            try (Connection k = new Connection()) {
                k.keyring.deletePassword(service, account);
            }
        }
    }

    /** A keyring whose close() does not throw the checked Exception java-keyring declares. */
    private static final class Connection implements AutoCloseable {
        final Keyring keyring;

        Connection() throws BackendNotSupportedException {
            keyring = Keyring.create();
        }

        @Override
        public void close() {
            try {
                keyring.close();
            } catch (Exception e) {
                // closing the D-Bus connection failed after the work was done: nothing to report
            }
        }
    }
}
