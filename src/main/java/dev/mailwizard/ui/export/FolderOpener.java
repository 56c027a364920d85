package dev.mailwizard.ui.export;

import dev.mailwizard.platform.Platform;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens a folder in the desktop's file manager with the platform's own opener ({@link Platform}), off the UI thread.
 * Not java.awt.Desktop: starting AWT inside a JavaFX application can load a second GTK on Linux.
 */
final class FolderOpener {
    private FolderOpener() {
    }

    static void open(Path dir) {
        Thread t = new Thread(() -> {
            try {
                new ProcessBuilder(Platform.current().openFolderCommand(dir)).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException ignored) {
                // No file manager: the step shows the folder's path, so nothing is lost.
            }
        }, "open-folder");
        t.setDaemon(true);
        t.start();
    }
}
