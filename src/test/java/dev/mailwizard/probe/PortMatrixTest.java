package dev.mailwizard.probe;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void rankFollowsRfc8314() {
        assertThat(PortMatrix.rank(465, Security.TLS)).isLessThan(PortMatrix.rank(587, Security.STARTTLS));
        assertThat(PortMatrix.rank(587, Security.STARTTLS)).isLessThan(PortMatrix.rank(2525, Security.STARTTLS));
        assertThat(PortMatrix.rank(2525, Security.TLS)).isLessThan(PortMatrix.rank(25, Security.STARTTLS));
        assertThat(PortMatrix.rank(25, Security.STARTTLS)).isLessThan(PortMatrix.rank(10465, Security.TLS));
    }
}
