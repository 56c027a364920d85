package dev.mailwizard.export;

import java.util.List;

/**
 * Where a client's password lives on the person's operating system, and the words and commands a
 * writer puts in its file for it. Writers ask this instead of naming a keyring tool themselves.
 * Comment lines are returned without their comment mark.
 */
sealed interface PasswordStore permits SecretServiceStore, KeychainStore, WindowsStore {

    static PasswordStore on(HostOs os) {
        return switch (os) {
            case LINUX -> new SecretServiceStore();
            case MACOS -> new KeychainStore();
            case WINDOWS -> new WindowsStore();
        };
    }

    /** The lines behind {@code mark} and a space, each ending in a line break; a line break inside a value cannot end the comment. */
    static String comments(String mark, List<String> lines) {
        StringBuilder b = new StringBuilder();
        lines.forEach(l -> b.append(mark).append(' ').append(l.replaceAll("[\\r\\n\\x00-\\x1f]+", " ")).append('\n'));
        return b.toString();
    }

    /** Where MailWizard remembers an OAuth2 sign-in (java-keyring's store on this system), as "in ...". */
    String remembered();

    /** msmtp: how to store the password once, for {@code passwordeval} to read. */
    List<String> msmtpAdvice(ServerSetting s);

    /** msmtp: the {@code passwordeval} command that prints the password for {@code s}. */
    String msmtpCommand(ServerSetting s);

    /** NeoMutt, which asks for the password: where it could take it from instead. */
    List<String> neomuttAdvice(List<ServerSetting> withPassword);

    /** git send-email, which asks or takes the password from a credential helper: which helper. */
    String gitHelper();
}
