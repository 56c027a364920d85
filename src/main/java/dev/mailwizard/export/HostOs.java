package dev.mailwizard.export;

import java.util.Locale;

/**
 * The operating system the exported files are for, which decides where a client's password lives.
 * Other Unix desktops (the BSDs) count as Linux: they have the same Secret Service keyring.
 */
public enum HostOs {
    LINUX, MACOS, WINDOWS;

    /** The system named by a Java {@code os.name} value ("Mac OS X", "Windows 11", "Linux", ...). */
    public static HostOs fromName(String osName) {
        String n = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (n.startsWith("mac") || n.startsWith("darwin")) {
            return MACOS;
        }
        return n.startsWith("windows") ? WINDOWS : LINUX;
    }

    /** The system MailWizard runs on. */
    public static HostOs current() {
        return fromName(System.getProperty("os.name", ""));
    }
}
