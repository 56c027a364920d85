package dev.mailwizard.signin;

import java.util.Optional;

/** Where a remembered grant lives, one per e-mail address: in memory, or in the OS keyring. */
public interface TokenStore {
    /** The grant remembered for {@code address}, or empty when there is none. */
    Optional<StoredGrant> load(String address) throws TokenStoreException;

    /** Remembers {@code grant} for {@code address}, replacing what was there. */
    void save(String address, StoredGrant grant) throws TokenStoreException;

    /** Forgets {@code address}'s grant; true when there was one. */
    boolean delete(String address) throws TokenStoreException;
}
