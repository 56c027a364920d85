package dev.mailwizard.model;

import java.util.Locale;

/** Where a candidate server came from. JSON values are {@link #id()}. */
public enum CandidateSource {
    SRV, AUTOCONFIG, ISPDB, MX, GUESS, USER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Where it came from, in English words ("DNS SRV record", "guessed from the domain"). */
    public String words() {
        return words(AppLanguage.ENGLISH);
    }

    public String words(AppLanguage language) {
        return Words.in(language, "source." + id());
    }
}
