package dev.mailwizard.ui;

import dev.mailwizard.platform.Platform;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Opens a provider's help page in the desktop's browser with the platform's own opener ({@link Platform}), off the UI
 * thread; the link is one argument, no shell. Only https links are opened. Not java.awt.Desktop:
 * starting AWT inside a JavaFX application can load a second GTK on Linux.
 */
public final class LinkOpener {
    private LinkOpener() {
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
                new ProcessBuilder(Platform.current().openUrlCommand(URI.create(url))).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException ignored) {
                // No browser opener: the link's text stays on screen, so nothing is lost.
            }
        }, "open-link");
        t.setDaemon(true);
        t.start();
    }
}
