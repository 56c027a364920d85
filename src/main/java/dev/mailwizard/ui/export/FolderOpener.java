package dev.mailwizard.ui.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Opens a folder in the desktop's file manager with the platform's own opener, off the UI thread.
 * Not java.awt.Desktop: starting AWT inside a JavaFX application can load a second GTK on Linux.
 */
final class FolderOpener {
    private FolderOpener() {
    }

    static List<String> command(String osName, Path dir) {
        String os = osName.toLowerCase(Locale.ROOT);
        return os.contains("mac") ? List.of("open", dir.toString())
                : os.contains("win") ? List.of("explorer.exe", dir.toString()) : List.of("xdg-open", dir.toString());
    }

    static void open(Path dir) {
        Thread t = new Thread(() -> {
            try {
                new ProcessBuilder(command(System.getProperty("os.name", ""), dir)).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException ignored) {
                // No file manager: the step shows the folder's path, so nothing is lost.
            }
        }, "open-folder");
        t.setDaemon(true);
        t.start();
    }
}
