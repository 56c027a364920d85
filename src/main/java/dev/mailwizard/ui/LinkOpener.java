package dev.mailwizard.ui;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Opens a provider's help page in the desktop's browser with the platform's own opener, off the UI
 * thread; the link is one argument, no shell. Only https links are opened. Not java.awt.Desktop:
 * starting AWT inside a JavaFX application can load a second GTK on Linux.
 */
public final class LinkOpener {
    private LinkOpener() {
    }

    /** The command that opens {@code url} on this operating system. */
    static List<String> command(String osName, String url) {
        String os = osName.toLowerCase(Locale.ROOT);
        return os.contains("mac") ? List.of("open", url)
                : os.contains("win") ? List.of("explorer.exe", url) : List.of("xdg-open", url);
    }

    /** Whether {@code url} is an https link with a host: the only kind opened. */
    static boolean opens(String url) {
        try {
            URI uri = new URI(url);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        } catch (URISyntaxException | NullPointerException e) {
            return false;
        }
    }

    public static void open(String url) {
        if (!opens(url)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                new ProcessBuilder(command(System.getProperty("os.name", ""), url)).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException ignored) {
                // No browser opener: the link's text stays on screen, so nothing is lost.
            }
        }, "open-link");
        t.setDaemon(true);
        t.start();
    }
}
