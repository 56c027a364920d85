package dev.mailwizard.model;

/**
 * How a login proves who you are: a password (a normal one or an app password) or an OAuth2
 * access token. The ids are the public JSON contract ({@code login.method}, {@code authMethod}).
 */
public enum AuthMethod {
    PASSWORD("password"), OAUTH2("oauth2");

    private final String id;

    AuthMethod(String id) {
        this.id = id;
    }

    /** The contract id: "password" or "oauth2". */
    public String id() {
        return id;
    }

    /** The method with this contract id, or null for an id this version does not know. */
    public static AuthMethod byId(String id) {
        for (AuthMethod m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        return null;
    }
}
