package dev.mailwizard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Only https links are opened at all (the command per system: PlatformTest). */
class LinkOpenerTest {
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
