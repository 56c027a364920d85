package dev.mailwizard.model;

import java.util.Optional;

/**
 * What to tell a person about their provider before the password is typed, in the words every
 * face shares: the wizard's Account step, the terminal report and the help-desk report.
 */
public final class ProviderAdvice {
    private ProviderAdvice() {
    }

    /**
     * Whether signing in with the provider's own page (OAuth2) is an option: it needs it, or its
     * endpoints are known. Whether MailWizard has a registration for it is another question.
     */
    public static boolean signInPossible(Provider p) {
        return p != null && (p.needs() == ProviderNeeds.OAUTH2 || p.oauth2() != null);
    }

    /**
     * One sentence about {@code subject} ("Gmail", "It") saying what to use instead of the normal
     * password, in the app's language; empty when the normal password is fine or no source said.
     */
    public static String passwordSentence(Provider p, String subject) {
        return passwordSentence(p, subject, AppLanguage.current());
    }

    public static String passwordSentence(Provider p, String subject, AppLanguage language) {
        if (p == null || p.needs() == null) {
            return "";
        }
        return switch (p.needs()) {
            case APP_PASSWORD -> signInPossible(p) ? Words.in(language, "provider.needs.app_password_or_sign_in", subject, signInName(p))
                    : Words.in(language, "provider.needs.app_password", subject);
            case OAUTH2 -> Words.in(language, "provider.needs.oauth2", subject, signInName(p));
            case PASSWORD -> "";
        };
    }

    /** Whose sign-in page OAuth2 shows: "Google" for Gmail, else the provider's name. */
    public static String signInName(Provider p) {
        return KnownProviders.bundled().byId(p.id()).map(KnownProvider::signInWith).orElse(p.displayName());
    }

    /** The help page a hint links to: the provider's first (the table puts the page for what it needs first). */
    public static Optional<HelpLink> mainHelp(Provider p) {
        return p == null || p.help().isEmpty() ? Optional.empty() : Optional.of(p.help().get(0));
    }
}
