package dev.mailwizard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Help pages open with the platform's own opener, the link as one argument, and only https links at all. */
class LinkOpenerTest {
    @Test
    void thePlatformsOpenerGetsTheLinkAsOneArgument() {
        String url = "https://support.google.com/accounts/answer/185833?a=1&b=2";
        assertThat(LinkOpener.command("Linux", url)).isEqualTo(List.of("xdg-open", url));
        assertThat(LinkOpener.command("Mac OS X", url)).isEqualTo(List.of("open", url));
        assertThat(LinkOpener.command("Windows 11", url)).isEqualTo(List.of("explorer.exe", url));
    }

    @Test
    void onlyHttpsLinksAreOpened() {
        assertThat(LinkOpener.opens("https://help.yahoo.com/kb/SLN15241.html")).isTrue();
        assertThat(LinkOpener.opens("http://help.yahoo.com/")).isFalse();
        assertThat(LinkOpener.opens("file:///etc/passwd")).isFalse();
        assertThat(LinkOpener.opens("javascript:alert(1)")).isFalse();
        assertThat(LinkOpener.opens("https:/no-host")).isFalse();
        assertThat(LinkOpener.opens(null)).isFalse();
    }
}
