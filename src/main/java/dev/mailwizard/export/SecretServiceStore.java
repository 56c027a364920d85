package dev.mailwizard.export;

import java.util.List;

/** Linux and other Unix desktops: the Secret Service keyring (GNOME Keyring, KWallet), reached with {@code secret-tool}. */
record SecretServiceStore() implements PasswordStore {

    @Override
    public String remembered() {
        return "in your desktop keyring";
    }

    @Override
    public List<String> msmtpAdvice(ServerSetting s) {
        return List.of("The password is read from your desktop keyring. Store it once with:",
                "  secret-tool store --label=" + Text.quoted("msmtp " + s.host()) + " " + attributes(s),
                "(or replace the passwordeval line with: passwordeval \"gpg -q --no-tty -d ~/.msmtp-password.gpg\")");
    }

    @Override
    public String msmtpCommand(ServerSetting s) {
        return "secret-tool lookup " + attributes(s);
    }

    @Override
    public List<String> neomuttAdvice(List<ServerSetting> withPassword) {
        return List.of("No password here: NeoMutt asks for it. To keep it encrypted instead, put",
                "  set smtp_pass = '...'",
                "in a file, encrypt it with gpg, and add:  source \"gpg -dq ~/.neomutt-pass.gpg |\"");
    }

    @Override
    public String gitHelper() {
        return "(git config --global credential.helper libsecret, or cache, or store).";
    }

    /** The keyring entry's attributes, each value a word for the shell that runs passwordeval. */
    private static String attributes(ServerSetting s) {
        return "host " + SignIn.shellWord(s.host()) + " service smtp user " + SignIn.shellWord(s.username());
    }
}
