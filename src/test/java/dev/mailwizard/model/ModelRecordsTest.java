package dev.mailwizard.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModelRecordsTest {
    @Test
    void endpointRejectsBadPortsAndHosts() {
        assertThatThrownBy(() -> Endpoint.smtp("mail.example.com", 0, Security.TLS)).hasMessageContaining("port 0");
        assertThatThrownBy(() -> Endpoint.smtp("mail.example.com", 65536, Security.TLS)).hasMessageContaining("65536");
        assertThatThrownBy(() -> Endpoint.smtp(" ", 465, Security.TLS)).hasMessageContaining("empty");
        assertThat(Endpoint.smtp("MAIL.Example.com.", 465, Security.TLS).host()).isEqualTo("mail.example.com");
    }

    @Test
    void credentialsNeverShowThePassword() {
        Credentials c = new Credentials("alice", "hunter2".toCharArray());
        assertThat(c.toString()).doesNotContain("hunter2").contains("redacted");
        char[] copy = c.password();
        copy[0] = 'X';
        assertThat(new String(c.password())).isEqualTo("hunter2");
        c.wipe();
        assertThat(new String(c.password())).doesNotContain("hunter2");
    }

    @Test
    void hostMappingParsesIpv4AndIpv6() {
        assertThat(HostMapping.parse("mail.example.com:192.0.2.10").address().getHostAddress()).isEqualTo("192.0.2.10");
        assertThat(HostMapping.parse("mail.example.com:[::1]").address().isLoopbackAddress()).isTrue();
        assertThatThrownBy(() -> HostMapping.parse("mail.example.com:999.1.1.1")).hasMessageContaining("999.1.1.1");
        assertThatThrownBy(() -> HostMapping.parse(":1.2.3.4")).hasMessageContaining("HOST:ADDRESS");
    }

    /** Found by UserInputFuzzTest: hex digits and colons were taken as an IPv6 address whatever their shape. */
    @Test
    void onlyRealIpv6AddressesPassAsIpv6Literals() {
        assertThat(HostNames.toAscii("[2001:DB8::1]")).isEqualTo("2001:db8::1");
        assertThat(HostNames.toAscii("::ffff:192.0.2.1")).isEqualTo("::ffff:192.0.2.1");
        assertThatThrownBy(() -> HostNames.toAscii("d:0120b8::1")).hasMessage("'d:0120b8::1' is not a valid IPv6 address");
        assertThatThrownBy(() -> HostNames.toAscii(":::")).hasMessageContaining("not a valid IPv6 address");
        assertThatThrownBy(() -> HostNames.toAscii(".:1")).hasMessageContaining("not a valid IPv6 address");
    }

    /** Found by UserInputFuzzTest: "2.256.1.1." passed as a name that its own output then failed; "." was quoted as ''. */
    @Test
    void aTrailingDotChangesNeitherTheCheckNorTheMessage() {
        assertThatThrownBy(() -> HostNames.toAscii("2.256.1.1.")).hasMessage("'2.256.1.1' is not a valid IPv4 address");
        assertThat(HostNames.toAscii("192.0.2.1.")).isEqualTo("192.0.2.1");
        assertThatThrownBy(() -> HostNames.toAscii(".")).hasMessage("host name '.' is not a valid domain name");
    }

    @Test
    void securityParsesCommonSpellings() {
        assertThat(Security.parse("SSL")).isEqualTo(Security.TLS);
        assertThat(Security.parse("starttls")).isEqualTo(Security.STARTTLS);
        assertThat(Security.parse("none")).isEqualTo(Security.PLAIN);
        assertThatThrownBy(() -> Security.parse("tls1.0")).hasMessageContaining("tls1.0");
    }

    @Test
    void portsParseStrictly() {
        assertThat(Ports.parse("587")).isEqualTo(587);
        assertThatThrownBy(() -> Ports.parse("58 7")).hasMessageContaining("58 7");
        assertThatThrownBy(() -> Ports.parse("+25")).hasMessageContaining("+25");
    }
}
