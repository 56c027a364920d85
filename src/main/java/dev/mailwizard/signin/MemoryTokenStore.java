package dev.mailwizard.signin;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Grants kept in this process only: what a sign-in without "remember" uses, and the tests. */
public final class MemoryTokenStore implements TokenStore {
    private final Map<String, StoredGrant> grants = new ConcurrentHashMap<>();

    @Override
    public Optional<StoredGrant> load(String address) {
        return Optional.ofNullable(grants.get(address));
    }

    @Override
    public void save(String address, StoredGrant grant) {
        grants.put(address, grant);
    }

    @Override
    public boolean delete(String address) {
        return grants.remove(address) != null;
    }
}
