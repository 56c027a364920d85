package dev.mailwizard.platform;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What differs between the systems MailWizard runs on: where its config lives, how a folder or a
 * web page is opened, the mail program to preselect, and whether a window can be shown. One
 * implementation per system, chosen from {@code os.name}; the BSDs and other Unix desktops count as
 * Linux (XDG folders, xdg-open, the Secret Service keyring). The OS keyring itself is java-keyring's
 * choice (Secret Service, macOS Keychain, Windows Credential Manager).
 */
public sealed interface Platform permits LinuxPlatform, MacPlatform, WindowsPlatform {

    /** The system this JVM runs on, with its environment and the user's home folder. */
    static Platform current() {
        return of(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home", ".")));
    }

    /** The system named by a Java {@code os.name} value ("Linux", "Mac OS X", "Windows 11", ...). */
    static Platform of(String osName, Map<String, String> env, Path home) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return new WindowsPlatform(env.get("APPDATA"), home);
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return new MacPlatform(home);
        }
        return new LinuxPlatform(env.get("XDG_CONFIG_HOME"), env.get("DISPLAY"), env.get("WAYLAND_DISPLAY"), home);
    }

    /** The folder of MailWizard's own settings (the OAuth2 registrations file). */
    Path configDir();

    /** The system's own opener, which hands a folder to the file manager and a link to the browser. */
    String opener();

    /** The export format of the mail program that comes with the system, preselected in the wizard. */
    String defaultMailClient();

    /** Whether a window can be shown: always on Windows and macOS, with a display server on Linux. */
    boolean hasDisplay();

    /** The command that opens {@code dir} in the file manager; the path is one argument, no shell. */
    default List<String> openFolderCommand(Path dir) {
        return List.of(opener(), dir.toString());
    }

    /** The command that opens {@code url} in the browser; the link is one argument, no shell. */
    default List<String> openUrlCommand(URI url) {
        return List.of(opener(), url.toString());
    }
}
