package dev.mailwizard.mta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.javakeyring.Keyring;
import com.github.javakeyring.KeyringStorageType;
import com.github.javakeyring.PasswordAccessException;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The OS keyring where a remembered refresh token goes (java-keyring: the Secret Service over
 * D-Bus on Linux), for real: {@code .ci/with-keyring} runs the real-mta tests on a private session
 * bus with an unlocked gnome-keyring, as {@code .ci/run} does.
 */
@Tag("real-mta")
class RealKeyringTest {
    @Test
    void javaKeyringStoresReadsAndDeletesASecretInGnomeKeyring() throws Exception {
        assertThat(System.getenv("DBUS_SESSION_BUS_ADDRESS")).as("no D-Bus session: run the tests through .ci/with-keyring").isNotBlank();
        String service = "mailwizard-ci-" + UUID.randomUUID();
        String account = "alice@mailwizard.test";
        String secret = "refresh-" + UUID.randomUUID();
        try (Keyring keyring = Keyring.create()) {
            assertThat(keyring.getKeyringStorageType()).isEqualTo(KeyringStorageType.GNOME_KEYRING);
            keyring.setPassword(service, account, secret);
            assertThat(keyring.getPassword(service, account)).isEqualTo(secret);
            keyring.deletePassword(service, account);
            assertThatThrownBy(() -> keyring.getPassword(service, account)).isInstanceOf(PasswordAccessException.class);
        }
    }
}
