package dev.mailwizard.cli;

/** Where the login's secret comes from: at most one of the options that give one. */
enum LoginSecret {
    NONE(null),
    PASSWORD_STDIN("--password-stdin"),
    TOKEN_STDIN("--oauth2-token-stdin"),
    OAUTH2("--oauth2");

    private final String option;

    LoginSecret(String option) {
        this.option = option;
    }

    /** The option that asked for it (null for none). */
    String option() {
        return option;
    }
}
