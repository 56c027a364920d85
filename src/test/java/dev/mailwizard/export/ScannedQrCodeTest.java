package dev.mailwizard.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The last step of {@code .ci/run}'s QR check: the demo account's code was exported by the
 * command line and read by another scanner (zbar's {@code zbarimg --raw}); here what it read must
 * be the exported payload, byte for byte, and follow every rule of the format. Runs only when
 * {@code .ci/run} names the two files ({@code -Dqr.scanned=... -Dqr.written=...}).
 */
@EnabledIfSystemProperty(named = "qr.scanned", matches = ".+")
class ScannedQrCodeTest {
    @Test
    void whatZbarReadIsTheExportedPayloadAndFollowsTheFormat() throws IOException {
        String scanned = Files.readString(Path.of(System.getProperty("qr.scanned")), StandardCharsets.UTF_8);
        String written = Files.readString(Path.of(System.getProperty("qr.written")), StandardCharsets.UTF_8);
        assertThat(scanned).isEqualTo(written); // zbarimg --raw ends the text with a line break, as the .txt file does
        assertThat(ThunderbirdQrValidator.problems(scanned.strip())).isEmpty();
    }
}
