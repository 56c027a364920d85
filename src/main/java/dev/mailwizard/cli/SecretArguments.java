package dev.mailwizard.cli;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Keeps passwords and tokens typed as arguments out of error messages. MailWizard has no option that
 * takes either, so one that looks like it was typed by mistake; picocli's "Unknown options" message
 * would echo it (and its value) to a terminal or a CI log.
 */
final class SecretArguments {
    static final String NEVER_ON_COMMAND_LINE =
            "passwords are never command-line arguments: pipe it with --password-stdin (e.g. printf '%s\\n' \"$PW\" | mailwizard probe ... --password-stdin)";
    static final String TOKENS_NEVER_ON_COMMAND_LINE =
            "tokens are never command-line arguments: pipe an access token with --oauth2-token-stdin (e.g. mailwizard oauth2 token ADDRESS | mailwizard probe ADDRESS --oauth2-token-stdin)";
    /** --password, --pass, --passwd, -p: with a separate value, "=value", or -pVALUE. */
    private static final Pattern PASSWORD_OPTION = Pattern.compile("(--(password|pass|passwd|pwd)(=.*)?)|(-p.*)", Pattern.DOTALL);
    /** --token, --access-token, --refresh-token, --oauth2-token, --bearer: with a separate value or "=value". */
    private static final Pattern TOKEN_OPTION = Pattern.compile("--(token|access-token|refresh-token|oauth2-token|bearer|bearer-token)(=.*)?", Pattern.DOTALL);
    /** Anything whose name suggests a secret, e.g. --smtp-password, --token, --secret. */
    private static final Pattern SECRET_LIKE = Pattern.compile("--?[a-z0-9-]*(pass|pwd|secret|token)[a-z0-9-]*(=.*)?", Pattern.DOTALL);
    private static final String HIDDEN = "<hidden>";

    private SecretArguments() {
    }

    /** Why the command line is refused outright (an argument before "--" is a password or token option), or null. */
    static String refusal(String[] args) {
        for (String a : args) {
            if ("--".equals(a)) {
                return null;
            }
            if (PASSWORD_OPTION.matcher(a).matches()) {
                return NEVER_ON_COMMAND_LINE;
            }
            if (TOKEN_OPTION.matcher(a.toLowerCase(Locale.ROOT)).matches()) {
                return TOKENS_NEVER_ON_COMMAND_LINE;
            }
        }
        return null;
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
