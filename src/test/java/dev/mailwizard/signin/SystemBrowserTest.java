package dev.mailwizard.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** $BROWSER gets the authorization URL as one argument, with no shell in between. */
@DisabledOnOs(OS.WINDOWS)
class SystemBrowserTest {
    private static final URI URL = URI.create("https://login.example/authorize?client_id=a&state=b%20c&redirect_uri=http%3A%2F%2F127.0.0.1%3A1%2F;$(touch%20x)");

    @TempDir
    Path dir;

    /** A stand-in browser that writes its arguments, one a line, to args.txt. */
    private Path recordingBrowser() throws Exception {
        Path script = dir.resolve("browser");
        Files.writeString(script, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"" + dir.resolve("args.txt") + "\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private List<String> argumentsOf(SystemBrowser.Launch launch) throws Exception {
        assertThat(launch).isInstanceOf(SystemBrowser.Launch.Started.class);
        Process p = ((SystemBrowser.Launch.Started) launch).process();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return Files.readAllLines(dir.resolve("args.txt"));
    }

    @Test
    void theUrlIsTheLastArgument() throws Exception {
        Path browser = recordingBrowser();
        SystemBrowser.Launch launch = SystemBrowser.open(URL, browser + " --new-tab");
        assertThat(((SystemBrowser.Launch.Started) launch).how()).isEqualTo("with $BROWSER (" + browser + ")");
        assertThat(argumentsOf(launch)).containsExactly("--new-tab", URL.toString());
    }

    @Test
    void aPercentSWordIsReplacedByTheUrl() throws Exception {
        Path browser = recordingBrowser();
        assertThat(argumentsOf(SystemBrowser.open(URL, browser + " %s --private"))).containsExactly(URL.toString(), "--private");
    }

    @Test
    void aMissingProgramIsSaid() {
        SystemBrowser.Launch launch = SystemBrowser.open(URL, dir.resolve("no-such-browser").toString());
        assertThat(launch).isInstanceOf(SystemBrowser.Launch.NotOpened.class);
        assertThat(((SystemBrowser.Launch.NotOpened) launch).reason()).startsWith("$BROWSER (" + dir.resolve("no-such-browser") + ") could not be started");
    }
}
