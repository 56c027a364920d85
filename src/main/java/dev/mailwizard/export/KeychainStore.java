package dev.mailwizard.export;

import dev.mailwizard.model.Protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * macOS: the login Keychain, reached with {@code security}. One generic password per server, its
 * service {@code PROTOCOL://HOST} and its account the user name, so msmtp and NeoMutt share it.
 */
record KeychainStore() implements PasswordStore {

    @Override
    public String remembered() {
        return "in your macOS Keychain";
    }

    @Override
    public List<String> msmtpAdvice(ServerSetting s) {
        return List.of("The password is read from your macOS Keychain. Store it once with (security asks for it):",
                "  " + addCommand(s));
    }

    @Override
    public String msmtpCommand(ServerSetting s) {
        return "security find-generic-password" + entry(s) + " -w";
    }

    @Override
    public List<String> neomuttAdvice(List<ServerSetting> withPassword) {
        List<String> lines = new ArrayList<>(List.of("No password here: NeoMutt asks for it. To take it from your macOS Keychain instead,",
                "store it once with (security asks for it):"));
        withPassword.forEach(s -> lines.add("  " + addCommand(s)));
        lines.add("and add:");
        // Backticks run inside double quotes in a neomuttrc; the command's own quotes are single.
        withPassword.forEach(s -> lines.add("  set " + (s.protocol() == Protocol.SMTP ? "smtp" : "imap")
                + "_pass = \"`security find-generic-password" + entry(s) + " -w`\""));
        return lines;
    }

    @Override
    public String gitHelper() {
        return "(git config --global credential.helper osxkeychain, which keeps it in your macOS Keychain).";
    }

    private static String addCommand(ServerSetting s) {
        return "security add-generic-password" + entry(s) + " -w";
    }

    /** The entry's service and account, each a word for the shell. */
    private static String entry(ServerSetting s) {
        String service = s.protocol().name().toLowerCase(Locale.ROOT) + "://" + s.host();
        return " -s " + SignIn.shellWord(service) + " -a " + SignIn.shellWord(s.username());
    }
}
