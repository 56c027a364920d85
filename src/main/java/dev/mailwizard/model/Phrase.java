package dev.mailwizard.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A sentence kept as its {@link Words} key and arguments, so that data made once (a conclusion, a
 * refusal's advice) can be said in any language: in English for the JSON report, in the app's
 * language on a face. Arguments are data (host names, counts) or phrases, said in the same language.
 * Without a key it is its parts said one after the other, separated by a space.
 */
public record Phrase(String key, List<Object> args) {
    public Phrase {
        args = List.copyOf(args);
    }

    public static Phrase of(String key, Object... args) {
        return new Phrase(Objects.requireNonNull(key, "key"), Arrays.asList(args));
    }

    /** Sentences said one after the other. */
    public static Phrase together(Phrase... parts) {
        return new Phrase(null, Arrays.asList(parts));
    }

    /** Text that is the same in every language (made before the words had keys, or typed). */
    public static Phrase verbatim(String text) {
        return new Phrase(null, List.of(text));
    }

    public String in(AppLanguage language) {
        if (key == null) {
            return args.stream().map(a -> a instanceof Phrase p ? p.in(language) : String.valueOf(a)).collect(Collectors.joining(" "));
        }
        return Words.in(language, key, args.toArray());
    }

    /** In English, as data keeps it. */
    public String english() {
        return in(AppLanguage.ENGLISH);
    }
}
