package dev.mailwizard.model;

/**
 * What a provider accepts from a mail program: its normal password, only an app password (made
 * after 2-step verification), or only an OAuth2 sign-in. The names are the contract's
 * {@code provider.needs} values.
 */
public enum ProviderNeeds {
    PASSWORD, APP_PASSWORD, OAUTH2;

    /** The value with this contract name, or null for one this version does not know. */
    public static ProviderNeeds named(String name) {
        for (ProviderNeeds n : values()) {
            if (n.name().equals(name)) {
                return n;
            }
        }
        return null;
    }
}
