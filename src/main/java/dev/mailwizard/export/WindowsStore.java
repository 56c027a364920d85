package dev.mailwizard.export;

import java.util.List;

/**
 * Windows: Credential Manager where the client can use it (git's "manager" helper, MailWizard's own
 * sign-in through java-keyring). msmtp cannot read Credential Manager, so its password is kept in a
 * file encrypted for the Windows account (DPAPI, PowerShell's {@code ConvertFrom-SecureString}) and
 * {@code passwordeval} decrypts it. The command has no double quotes (msmtp's quoting has no escape)
 * and none of cmd.exe's {@code & | < > ^}; {@code Out.Write} leaves no CR LF on the password.
 */
record WindowsStore() implements PasswordStore {

    @Override
    public String remembered() {
        return "in Windows Credential Manager";
    }

    @Override
    public List<String> msmtpAdvice(ServerSetting s) {
        return List.of("msmtp on Windows cannot read Credential Manager: the password is kept in a file encrypted for your",
                "Windows account (DPAPI), which passwordeval decrypts with PowerShell. Store it once, in PowerShell:",
                "  Read-Host -AsSecureString 'Password' | ConvertFrom-SecureString | Set-Content " + file(s));
    }

    @Override
    public String msmtpCommand(ServerSetting s) {
        return "powershell -NoProfile -Command [Console]::Out.Write([Net.NetworkCredential]::new('',"
                + "(ConvertTo-SecureString (Get-Content " + file(s) + "))).Password)";
    }

    @Override
    public List<String> neomuttAdvice(List<ServerSetting> withPassword) {
        return List.of("No password here: NeoMutt asks for it. NeoMutt is rare on Windows and has no Credential Manager",
                "support; under WSL or Cygwin keep the password as on Linux (gpg, or a keyring through secret-tool).");
    }

    @Override
    public String gitHelper() {
        return "(Git for Windows: git config --global credential.helper manager, which keeps it in Windows Credential Manager).";
    }

    /** The encrypted file in the home folder, per server host (Endpoint keeps a host to an ASCII domain name: nothing cmd.exe or PowerShell reads specially). */
    private static String file(ServerSetting s) {
        return "$HOME\\.msmtp-" + s.host() + ".password";
    }
}
