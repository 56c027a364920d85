package dev.mailwizard.export;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * A QR code drawn as a black-and-white PNG (ZXing encodes, ImageIO writes), sized to be scanned
 * by a phone camera held in front of a laptop screen:
 * <ul>
 * <li>Error correction M (15% of the code may be unreadable): a screen adds glare, reflections
 *     and moiré, which L's 7% barely covers; Q and H would need a larger version for the same
 *     payload, so smaller modules on the same patch of screen.</li>
 * <li>A quiet zone of 4 modules, the standard's minimum, so the finder patterns stand apart
 *     from whatever surrounds the picture.</li>
 * <li>8 pixels per module: a one-account payload (110 to 280 characters) needs version 7 to 12
 *     (45 to 65 modules), a picture of 424 to 584 pixels: 7 to 10 cm on a 14-inch full-HD laptop
 *     screen (more with the desktop's scaling), with modules of 1.3 mm or more, which a phone
 *     camera reads from 20 to 40 cm. Whole pixels per module and a 1-bit image keep every edge
 *     sharp; the wizard shows the same picture at its own size, never resampled.</li>
 * </ul>
 */
final class QrCodeImage {
    static final ErrorCorrectionLevel ERROR_CORRECTION = ErrorCorrectionLevel.M;
    static final int QUIET_ZONE = 4;
    static final int PIXELS_PER_MODULE = 8;

    private QrCodeImage() {
    }

    /** The PNG, or empty when the text does not fit one QR code at this error correction. */
    static Optional<byte[]> png(String text) {
        QRCode code;
        try {
            code = Encoder.encode(text, ERROR_CORRECTION, Map.of(EncodeHintType.ERROR_CORRECTION, ERROR_CORRECTION));
        } catch (WriterException e) {
            return Optional.empty(); // ZXing's only reason: more data than version 40 holds
        }
        int side = (code.getMatrix().getWidth() + 2 * QUIET_ZONE) * PIXELS_PER_MODULE;
        BitMatrix modules = QRCodeWriter.renderResult(code, side, side, QUIET_ZONE);
        return Optional.of(write(modules));
    }

    private static byte[] write(BitMatrix modules) {
        int w = modules.getWidth();
        int h = modules.getHeight();
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                raster.setSample(x, y, 0, modules.get(x, y) ? 0 : 1); // sample 0 is black in a 1-bit image
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
        return out.toByteArray();
    }
}
