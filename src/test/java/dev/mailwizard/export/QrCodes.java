package dev.mailwizard.export;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/** Reads QR code pictures back as a phone would: ZXing's QR reader on the pixels, with the hints Thunderbird for Android uses. */
public final class QrCodes {
    /** What a scan found: the text and the error-correction level the code declares. */
    public record Scan(String text, String errorCorrection) {
    }

    private QrCodes() {
    }

    public static Scan decode(byte[] png) {
        BufferedImage image = image(png);
        return decode(image.getWidth(), image.getHeight(), image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth()));
    }

    /** Decodes ARGB pixels, row by row (a JavaFX image's pixels read the same way). */
    public static Scan decode(int width, int height, int[] argb) {
        LuminanceSource source = new RGBLuminanceSource(width, height, argb);
        try {
            return scan(source, Map.of(DecodeHintType.CHARACTER_SET, "UTF-8", DecodeHintType.TRY_HARDER, Boolean.TRUE));
        } catch (NotFoundException | ChecksumException | FormatException e) {
            // zxing's camera-style detector misreads about 1 code in 3000 of ours (a checksum error on
            // a code zbarimg reads at once; once in CI, with random ports in the payload). Ours are
            // pure, unrotated codes with their quiet zone, which its pure-barcode mode reads by their
            // bounds; ScannedQrCodeTest reads the same pictures with zbarimg as a phone would.
            try {
                return scan(source, Map.of(DecodeHintType.CHARACTER_SET, "UTF-8", DecodeHintType.PURE_BARCODE, Boolean.TRUE));
            } catch (NotFoundException | ChecksumException | FormatException again) {
                throw new AssertionError("no readable QR code in the picture: " + e + ", read as a pure code: " + again, again);
            }
        }
    }

    private static Scan scan(LuminanceSource source, Map<DecodeHintType, Object> hints)
            throws NotFoundException, ChecksumException, FormatException {
        Result r = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints);
        return new Scan(r.getText(), String.valueOf(r.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL)));
    }

    /** The picture's size and pixels, to compare two PNGs whatever their compression. */
    public static String pixels(byte[] png) {
        BufferedImage image = image(png);
        StringBuilder b = new StringBuilder(image.getWidth() + "x" + image.getHeight() + "\n");
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                b.append(rgb == 0 ? '#' : rgb == 0xffffff ? '.' : '?');
            }
            b.append('\n');
        }
        return b.toString();
    }

    public static BufferedImage image(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new AssertionError("not a PNG");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
