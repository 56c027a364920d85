package dev.mailwizard.model;

import java.util.Locale;

/**
 * Why a server refused a login, read from its reply as a help desk would. The names are the public
 * JSON contract (the login's {@code "diagnosis"}); the words are in the {@link Words} bundle.
 */
public enum LoginDiagnosis {
    CREDENTIALS_WRONG, APP_PASSWORD_REQUIRED, BASIC_AUTH_DISABLED, AUTH_DISABLED_BY_ADMIN, WEB_LOGIN_REQUIRED,
    TOO_MANY_ATTEMPTS, TOKEN_REJECTED, TEMPORARY, UNKNOWN;

    /** What the reply means, in a few English words ("the server needs an app password"), as data keeps it. */
    public String meaning() {
        return meaning(AppLanguage.ENGLISH);
    }

    public String meaning(AppLanguage language) {
        return Words.in(language, key() + ".meaning");
    }

    /** What to do about it, in plain English words, as data keeps it. */
    public String advice() {
        return advice(AppLanguage.ENGLISH);
    }

    public String advice(AppLanguage language) {
        return Words.in(language, key() + ".advice");
    }

    /** The key of this diagnosis' words: "diagnosis.app_password_required". */
    public String key() {
        return "diagnosis." + name().toLowerCase(Locale.ROOT);
    }

    /** The diagnosis with this contract name, or null for a name this version does not know (a newer report). */
    public static LoginDiagnosis named(String name) {
        for (LoginDiagnosis d : values()) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        return null;
    }
}
