package dev.mailwizard.export;

import dev.mailwizard.platform.LinuxPlatform;
import dev.mailwizard.platform.MacPlatform;
import dev.mailwizard.platform.Platform;

import java.nio.file.Path;
import java.util.Map;

/**
 * The operating system the exported files are for, which decides where a client's password lives.
 * Other Unix desktops (the BSDs) count as Linux: they have the same Secret Service keyring.
 */
public enum HostOs {
    LINUX, MACOS, WINDOWS;

    /** The system named by a Java {@code os.name} value ("Mac OS X", "Windows 11", "Linux", ...). */
    public static HostOs fromName(String osName) {
        return of(Platform.of(osName, Map.of(), Path.of("")));
    }

    static HostOs of(Platform p) {
        return p instanceof MacPlatform ? MACOS : p instanceof LinuxPlatform ? LINUX : WINDOWS;
    }

    /** The system MailWizard runs on. */
    public static HostOs current() {
        return of(Platform.current());
    }
}
