package dev.mailwizard.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The product's name and version (the version comes from the build). */
public final class AppInfo {
    public static final String NAME = "mailwizard";
    private static final String VERSION = load();

    private AppInfo() {
    }

    public static String version() {
        return VERSION;
    }

    /** "mailwizard 0.1.0", the report's {@code tool} value. */
    public static String tool() {
        return NAME + " " + VERSION;
    }

    private static String load() {
        try (InputStream in = AppInfo.class.getResourceAsStream("/dev/mailwizard/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
