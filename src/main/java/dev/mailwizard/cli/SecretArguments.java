package dev.mailwizard.cli;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Keeps passwords typed as arguments out of error messages. MailWizard has no option that takes a
 * password, so one that looks like it was typed by mistake; picocli's "Unknown options" message
 * would echo it (and its value) to a terminal or a CI log.
 */
final class SecretArguments {
    static final String NEVER_ON_COMMAND_LINE =
            "passwords are never command-line arguments: pipe it with --password-stdin (e.g. printf '%s\\n' \"$PW\" | mailwizard probe ... --password-stdin)";
    /** --password, --pass, --passwd, -p: with a separate value, "=value", or -pVALUE. */
    private static final Pattern PASSWORD_OPTION = Pattern.compile("(--(password|pass|passwd|pwd)(=.*)?)|(-p.*)", Pattern.DOTALL);
    /** Anything whose name suggests a secret, e.g. --smtp-password, --token, --secret. */
    private static final Pattern SECRET_LIKE = Pattern.compile("--?[a-z0-9-]*(pass|pwd|secret|token)[a-z0-9-]*(=.*)?", Pattern.DOTALL);
    private static final String HIDDEN = "<hidden>";

    private SecretArguments() {
    }

    /** True when an argument before "--" is a password option MailWizard refuses outright. */
    static boolean hasPasswordOption(String[] args) {
        for (String a : args) {
            if ("--".equals(a)) {
                return false;
            }
            if (PASSWORD_OPTION.matcher(a).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The unmatched arguments as they may be shown: a value that follows a secret-looking option,
     * or is attached to one with "=", becomes {@code <hidden>}.
     */
    static List<String> shown(List<String> unmatched, List<String> allArgs) {
        return java.util.stream.IntStream.range(0, unmatched.size()).mapToObj(i -> {
            String a = unmatched.get(i);
            if (isSecretLike(a)) {
                int eq = a.indexOf('=');
                return eq < 0 ? a : a.substring(0, eq + 1) + HIDDEN;
            }
            String before = previous(a, i, unmatched, allArgs);
            return before != null && isSecretLike(before) && before.indexOf('=') < 0 ? HIDDEN : a;
        }).toList();
    }

    /** The argument typed just before {@code a} (looked up in the whole command line, where picocli may have consumed it). */
    private static String previous(String a, int i, List<String> unmatched, List<String> allArgs) {
        if (i > 0) {
            return unmatched.get(i - 1);
        }
        int at = allArgs.indexOf(a);
        return at > 0 ? allArgs.get(at - 1) : null;
    }

    static boolean isSecretLike(String arg) {
        return arg.startsWith("-") && !arg.startsWith("--password-stdin") && !arg.startsWith("--oauth2-token-stdin")
                && SECRET_LIKE.matcher(arg.toLowerCase(Locale.ROOT)).matches();
    }
}
