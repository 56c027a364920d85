package dev.mailwizard.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortMatrixTest {
    private static PortMatrix.PortMode m(int port, Security s) {
        return new PortMatrix.PortMode(port, s);
    }

    @Test
    void defaultMatrixIsTheContractsAndHasNoPlain() {
        assertThat(PortMatrix.select(List.of(), Set.of(), false)).containsExactly(
                m(465, Security.TLS), m(587, Security.STARTTLS), m(25, Security.STARTTLS), m(2525, Security.STARTTLS), m(2525, Security.TLS));
    }

    @Test
    void plainOnlyWhenAllowedAndNeverOn465() {
        List<PortMatrix.PortMode> modes = PortMatrix.select(List.of(), Set.of(), true);
        assertThat(modes).contains(m(587, Security.PLAIN), m(25, Security.PLAIN), m(2525, Security.PLAIN));
        assertThat(modes).doesNotContain(m(465, Security.PLAIN));
    }

    @Test
    void customPortsTryBothTlsModesAndSecurityFilters() {
        assertThat(PortMatrix.select(List.of(10025), Set.of(), false)).containsExactly(m(10025, Security.TLS), m(10025, Security.STARTTLS));
        assertThat(PortMatrix.select(List.of(465, 587), Set.of(Security.STARTTLS), false)).containsExactly(m(587, Security.STARTTLS));
    }

    private static PortMatrix.PortMode in(Protocol p, int port, Security s) {
        return new PortMatrix.PortMode(p, port, s);
    }

    private static PortMatrix.Port port(Protocol p, int port) {
        return new PortMatrix.Port(p, port);
    }

    @Test
    void planWithNothingNamedIsTheDefaultSmtpMatrix() {
        assertThat(PortMatrix.plan(List.of(), Set.of(), false, false)).isEqualTo(PortMatrix.select(List.of(), Set.of(), false));
    }

    @Test
    void planWithIncomingAddsTheIncomingMatrixAfterSmtp() {
        List<PortMatrix.PortMode> plan = PortMatrix.plan(List.of(port(Protocol.SMTP, 465)), Set.of(), false, true);
        assertThat(plan).containsExactly(m(465, Security.TLS), in(Protocol.IMAP, 993, Security.TLS), in(Protocol.IMAP, 143, Security.STARTTLS),
                in(Protocol.POP3, 995, Security.TLS), in(Protocol.POP3, 110, Security.STARTTLS));
    }

    @Test
    void anIncomingPortAloneTestsOnlyThatPortAndAsksForIncomingByItself() {
        assertThat(PortMatrix.plan(List.of(port(Protocol.IMAP, 993)), Set.of(), false, false))
                .containsExactly(in(Protocol.IMAP, 993, Security.TLS));
        assertThat(PortMatrix.plan(List.of(port(Protocol.POP3, 110)), Set.of(), true, false))
                .containsExactly(in(Protocol.POP3, 110, Security.STARTTLS), in(Protocol.POP3, 110, Security.PLAIN));
    }

    @Test
    void aNonStandardIncomingPortIsTriedBothWaysAndPlainOnlyWhenAllowed() {
        assertThat(PortMatrix.plan(List.of(port(Protocol.IMAP, 10993)), Set.of(), false, false))
                .containsExactly(in(Protocol.IMAP, 10993, Security.TLS), in(Protocol.IMAP, 10993, Security.STARTTLS));
        assertThat(PortMatrix.plan(List.of(port(Protocol.IMAP, 10993)), Set.of(), true, false))
                .containsExactly(in(Protocol.IMAP, 10993, Security.TLS), in(Protocol.IMAP, 10993, Security.STARTTLS),
                        in(Protocol.IMAP, 10993, Security.PLAIN));
        assertThat(PortMatrix.plan(List.of(port(Protocol.POP3, 10110)), Set.of(Security.STARTTLS), false, false))
                .containsExactly(in(Protocol.POP3, 10110, Security.STARTTLS));
    }

    @Test
    void smtpAndIncomingPortsNamedTogetherKeepBoth() {
        assertThat(PortMatrix.plan(List.of(port(Protocol.SMTP, 587), port(Protocol.IMAP, 143)), Set.of(Security.STARTTLS), false, false))
                .containsExactly(m(587, Security.STARTTLS), in(Protocol.IMAP, 143, Security.STARTTLS));
    }

    @Test
    void aStandardIncomingPortAskedInAnotherModeIsTriedInThatMode() {
        assertThat(PortMatrix.plan(List.of(port(Protocol.IMAP, 993)), Set.of(Security.STARTTLS), false, false))
                .containsExactly(in(Protocol.IMAP, 993, Security.STARTTLS));
    }

    @Test
    void planIsEmptyWhenTheFiltersLeaveNothing() {
        assertThat(PortMatrix.plan(List.of(port(Protocol.SMTP, 465)), Set.of(Security.STARTTLS), false, false)).isEmpty();
        // 465 takes only tls, but the incoming matrix still has plain pairs
        assertThat(PortMatrix.plan(List.of(port(Protocol.SMTP, 465)), Set.of(Security.PLAIN), false, true))
                .containsExactly(in(Protocol.IMAP, 143, Security.PLAIN), in(Protocol.POP3, 110, Security.PLAIN));
    }

    @Test
    void rankFollowsRfc8314() {
        assertThat(PortMatrix.rank(465, Security.TLS)).isLessThan(PortMatrix.rank(587, Security.STARTTLS));
        assertThat(PortMatrix.rank(587, Security.STARTTLS)).isLessThan(PortMatrix.rank(2525, Security.STARTTLS));
        assertThat(PortMatrix.rank(2525, Security.TLS)).isLessThan(PortMatrix.rank(25, Security.STARTTLS));
        assertThat(PortMatrix.rank(25, Security.STARTTLS)).isLessThan(PortMatrix.rank(10465, Security.TLS));
    }
}
