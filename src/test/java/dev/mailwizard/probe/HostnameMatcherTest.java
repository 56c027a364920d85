package dev.mailwizard.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.demo.DemoPki;
import org.junit.jupiter.api.Test;

class HostnameMatcherTest {
    private static final DemoPki PKI = DemoPki.newAuthority("Matcher CA");

    @Test
    void wildcardMatchesExactlyOneLeftMostLabel() {
        var cert = PKI.issue("*.example.com").certificate();
        assertThat(HostnameMatcher.matches(cert, "smtp.example.com")).isTrue();
        assertThat(HostnameMatcher.matches(cert, "a.b.example.com")).isFalse();
        assertThat(HostnameMatcher.matches(cert, "example.com")).isFalse();
    }

    @Test
    void partialAndTopLevelWildcardsNeverMatch() {
        assertThat(HostnameMatcher.nameMatches("*.com", "example.com")).isFalse();
        assertThat(HostnameMatcher.nameMatches("sm*.example.com", "smtp.example.com")).isFalse();
        assertThat(HostnameMatcher.nameMatches("*.*.example.com", "a.b.example.com")).isFalse();
    }

    @Test
    void namesCompareCaseInsensitivelyAndIpsOnlyAgainstIpEntries() {
        var cert = PKI.issue("Mail.Example.com", "192.0.2.7").certificate();
        assertThat(HostnameMatcher.matches(cert, "mail.example.com")).isTrue();
        assertThat(HostnameMatcher.matches(cert, "192.0.2.7")).isTrue();
        assertThat(HostnameMatcher.matches(cert, "192.0.2.8")).isFalse();
        assertThat(HostnameMatcher.matches(cert, "other.example.com")).isFalse();
    }

    @Test
    void internationalNamesMatchAsALabels() {
        var cert = PKI.issue("smtp.xn--bcher-kva.de").certificate();
        assertThat(HostnameMatcher.matches(cert, "smtp.xn--bcher-kva.de")).isTrue();
    }
}
