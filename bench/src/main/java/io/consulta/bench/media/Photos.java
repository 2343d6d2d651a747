package io.consulta.bench.media;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

/** A phone-sized photo (12 Mpx) whose grain is tuned until its JPEG is about the requested size. */
final class Photos {

    static final int WIDTH = 4000;
    static final int HEIGHT = 3000;

    private Photos() {
    }

    /** The first grain and JPEG quality whose file lands within 10 % of {@code bytes} (else the closest). */
    static byte[] jpegOfAbout(long bytes) {
        byte[] closest = null;
        for (int grain = 4; grain <= 64; grain *= 2) {
            BufferedImage image = image(grain);
            for (float quality : new float[]{0.92f, 0.88f, 0.84f, 0.80f, 0.75f}) {
                byte[] jpeg = jpeg(image, quality);
                if (closest == null || Math.abs(jpeg.length - bytes) < Math.abs(closest.length - bytes)) {
                    closest = jpeg;
                }
                if (Math.abs(jpeg.length - bytes) <= bytes / 10) {
                    return jpeg;
                }
                if (jpeg.length < bytes) {
                    break; // lower quality only makes it smaller: more grain next
                }
            }
        }
        return closest;
    }

    /** Smooth skin-toned gradients with random grain: compresses like a real photo, not like a flat test card. */
    private static BufferedImage image(int grain) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        Random random = new Random(14);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int r = clamp(200 + 40 * x / WIDTH + random.nextInt(grain) - grain / 2);
                int g = clamp(150 + 50 * y / HEIGHT + random.nextInt(grain) - grain / 2);
                int b = clamp(130 + random.nextInt(grain) - grain / 2);
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    private static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
