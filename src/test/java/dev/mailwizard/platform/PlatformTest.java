package dev.mailwizard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each system as its os.name and environment describe it: config folder, opener, preselected client, window. */
class PlatformTest {
    private static final Path HOME = Path.of("/home/alice");
    private static final URI HELP = URI.create("https://support.google.com/accounts/answer/185833?a=1&b=2");

    @Test
    void linuxFollowsXdgAndNeedsADisplay() {
        Platform p = Platform.of("Linux", Map.of("DISPLAY", ":0"), HOME);
        assertThat(p).isInstanceOf(LinuxPlatform.class);
        assertThat(p.configDir()).isEqualTo(Path.of("/home/alice/.config/mailwizard"));
        assertThat(Platform.of("Linux", Map.of("XDG_CONFIG_HOME", "/srv/cfg"), HOME).configDir()).isEqualTo(Path.of("/srv/cfg/mailwizard"));
        assertThat(Platform.of("Linux", Map.of("XDG_CONFIG_HOME", "relative/cfg"), HOME).configDir())
                .as("a relative XDG_CONFIG_HOME is ignored").isEqualTo(Path.of("/home/alice/.config/mailwizard"));
        assertThat(p.openFolderCommand(Path.of("/home/alice/mail settings"))).isEqualTo(List.of("xdg-open", "/home/alice/mail settings"));
        assertThat(p.openUrlCommand(HELP)).isEqualTo(List.of("xdg-open", HELP.toString()));
        assertThat(p.defaultMailClient()).isEqualTo("thunderbird");
        assertThat(p.hasDisplay()).isTrue();
        assertThat(Platform.of("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), HOME).hasDisplay()).isTrue();
        assertThat(Platform.of("Linux", Map.of(), HOME).hasDisplay()).as("a server over ssh").isFalse();
    }

    @Test
    void macOsUsesApplicationSupportAndOpen() {
        Platform p = Platform.of("Mac OS X", Map.of("XDG_CONFIG_HOME", "/srv/cfg"), Path.of("/Users/alice"));
        assertThat(p).isInstanceOf(MacPlatform.class);
        assertThat(p.configDir()).isEqualTo(Path.of("/Users/alice/Library/Application Support/MailWizard"));
        assertThat(p.openFolderCommand(Path.of("/Users/alice/Mail"))).isEqualTo(List.of("open", "/Users/alice/Mail"));
        assertThat(p.openUrlCommand(HELP)).isEqualTo(List.of("open", HELP.toString()));
        assertThat(p.defaultMailClient()).isEqualTo("apple");
        assertThat(p.hasDisplay()).as("no DISPLAY on a Mac").isTrue();
    }

    @Test
    void windowsUsesAppDataAndExplorer() {
        Platform p = Platform.of("Windows 11", Map.of("APPDATA", "/users/alice/AppData/Roaming"), HOME);
        assertThat(p).isInstanceOf(WindowsPlatform.class);
        assertThat(p.configDir()).isEqualTo(Path.of("/users/alice/AppData/Roaming/MailWizard"));
        assertThat(Platform.of("Windows 10", Map.of(), HOME).configDir()).as("APPDATA unset")
                .isEqualTo(Path.of("/home/alice/AppData/Roaming/MailWizard"));
        assertThat(p.openFolderCommand(Path.of("/users/alice/Mail"))).isEqualTo(List.of("explorer.exe", "/users/alice/Mail"));
        assertThat(p.openUrlCommand(HELP)).isEqualTo(List.of("explorer.exe", HELP.toString()));
        assertThat(p.defaultMailClient()).isEqualTo("outlook");
        assertThat(p.hasDisplay()).isTrue();
    }

    @Test
    void theSystemIsChosenByTheStartOfItsName() {
        assertThat(Platform.of("Darwin", Map.of(), HOME)).as("not Windows for its 'win'").isInstanceOf(MacPlatform.class);
        assertThat(Platform.of("FreeBSD", Map.of(), HOME)).isInstanceOf(LinuxPlatform.class);
        assertThat(Platform.of("", Map.of(), HOME)).isInstanceOf(LinuxPlatform.class);
        assertThat(Platform.of(null, Map.of(), HOME)).isInstanceOf(LinuxPlatform.class);
    }
}
