package dev.mailwizard.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {
    @Test
    void parsesAndLowerCasesTheDomain() {
        EmailAddress a = EmailAddress.parse("  Alice@Example.COM ");
        assertThat(a.localPart()).isEqualTo("Alice");
        assertThat(a.domain()).isEqualTo("example.com");
        assertThat(a.toString()).isEqualTo("Alice@example.com");
    }

    @Test
    void internationalDomainBecomesALabels() {
        EmailAddress a = EmailAddress.parse("jörg@bücher.de");
        assertThat(a.domain()).isEqualTo("xn--bcher-kva.de");
        assertThat(a.displayDomain()).isEqualTo("bücher.de");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "alice", "alice@", "@example.com", "a@b@c", "al ice@example.com", "alice@exa mple.com",
            "alice@example..com", ".alice@example.com", "alice.@example.com", "alice@-example.com", "alice@127.0.0.1",
            "al(ice)@example.com"})
    void rejectsMalformedAddresses(String text) {
        assertThatThrownBy(() -> EmailAddress.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("Exception");
    }

    /** Found by UserInputFuzzTest: the message quoted the first 57 characters, all of them spaces. */
    @Test
    void theMessageQuotesTheValueWithoutItsSurroundingSpaces() {
        assertThatThrownBy(() -> EmailAddress.parse(" ".repeat(90) + "alice.example.com"))
                .hasMessage("'alice.example.com' is not an e-mail address: it has no '@'");
        assertThatThrownBy(() -> EmailAddress.parse(" ".repeat(90) + "alice@example.com\n"))
                .hasMessage("e-mail address 'alice@example.com\\n' contains control characters (a line break?)");
        assertThatThrownBy(() -> Ports.parse(" ".repeat(90) + "9x")).hasMessage("port '9x' is not a number from 1 to 65535");
    }

    @Test
    void lineBreaksAreShownEscapedInTheMessage() {
        assertThatThrownBy(() -> EmailAddress.parse("alice@example.com\r\nRCPT TO:<x@y>"))
                .hasMessageContaining("\\r\\n").hasMessageContaining("control characters");
    }

    @Test
    void overLongAddressesAreRejected() {
        assertThatThrownBy(() -> EmailAddress.parse("a".repeat(65) + "@example.com")).hasMessageContaining("64");
        assertThatThrownBy(() -> EmailAddress.parse("a@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + "." + "e".repeat(63) + ".com"))
                .hasMessageContaining("254");
    }
}
