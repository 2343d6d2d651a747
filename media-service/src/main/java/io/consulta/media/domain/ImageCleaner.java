package io.consulta.media.domain;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import io.consulta.common.domain.InvalidInputException;
import lombok.RequiredArgsConstructor;
import net.coobird.thumbnailator.Thumbnails;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageInputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Re-encodes an uploaded image so that nothing but its pixels survives: EXIF (with the GPS position), XMP, IPTC,
 * comments and ICC profiles are not copied, because the image is decoded and written anew with no metadata at all.
 * The EXIF orientation is applied to the pixels first, so the photo still stands upright. WebP is stored as JPEG, or
 * as PNG when it has transparency. Also writes the thumbnail.
 */
@RequiredArgsConstructor
public final class ImageCleaner {

    static {
        // thumbnails are written to memory streams; ImageIO's default would first cache each one in a file in /tmp
        ImageIO.setUseCache(false);
    }

    private final ImageLimits limits;

    /** Reads the size from the header only and refuses an image over the pixel limit (422) before decoding it. */
    public void checkPixels(Path source, AcceptedType type) {
        withReader(source, type, reader -> {
            checkPixels(reader.getWidth(0), reader.getHeight(0));
            return null;
        });
    }

    public CleanedImage clean(Path source, AcceptedType type, Path target, OutputStream thumbnail) {
        // one expression: the decoded pixels are garbage as soon as the upright copy (if one is needed) exists
        BufferedImage plain = uprightAndPlain(decode(source, type), orientation(source), type);
        boolean png = type == AcceptedType.PNG || (type == AcceptedType.WEBP && plain.getColorModel().hasAlpha());
        String format = png ? "png" : "jpeg";
        write(plain, format, target);
        writeThumbnail(plain, format, thumbnail);
        String contentType = png ? AcceptedType.PNG.mediaType() : AcceptedType.JPEG.mediaType();
        return new CleanedImage(contentType, plain.getWidth(), plain.getHeight(), contentType);
    }

    private BufferedImage decode(Path source, AcceptedType type) {
        return withReader(source, type, reader -> {
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            checkPixels(width, height);
            ImageReadParam param = reader.getDefaultReadParam();
            int step = subsampling(width, height, limits.maxStoredSide());
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            List<String> damage = new ArrayList<>();
            reader.addIIOReadWarningListener((origin, warning) -> {
                if (damaged(warning)) {
                    damage.add(warning);
                }
            });
            BufferedImage image = reader.read(0, param);
            if (!damage.isEmpty()) {
                // a decoder warns, and fills in grey, when the data ends early: that is not the patient's photo
                throw new IOException("decoder warning: " + damage.getFirst());
            }
            return image;
        });
    }

    /** The smallest whole step that brings the longest side within {@code maxSide}. */
    static int subsampling(int width, int height, int maxSide) {
        int longest = Math.max(width, height);
        return longest <= maxSide ? 1 : (longest + maxSide - 1) / maxSide;
    }

    private void checkPixels(int width, int height) {
        if ((long) width * height > limits.maxPixels()) {
            throw InvalidInputException.unprocessable("file", "The image is " + width + " × " + height
                    + " pixels; at most " + limits.maxPixels() / 1_000_000 + " megapixels are accepted");
        }
    }

    private interface ReaderWork<T> {
        T apply(ImageReader reader) throws IOException;
    }

    private static <T> T withReader(Path source, AcceptedType type, ReaderWork<T> work) {
        try (ImageInputStream in = ImageIO.createImageInputStream(source.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type.mediaType());
            if (!readers.hasNext()) {
                throw new IllegalStateException("No ImageIO reader for " + type.mediaType());
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return work.apply(reader);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException refused) {
                throw refused;
            }
            if (e instanceof IllegalStateException missing && missing.getMessage().startsWith("No ImageIO")) {
                throw missing;
            }
            // decoders report broken data with all sorts of exceptions; to the uploader it is one thing
            throw InvalidInputException.unprocessable("file", "The image data is damaged or incomplete and cannot be read");
        }
    }

    /** Warnings about missing or broken data (others, such as an approximate CMYK conversion, are harmless). */
    private static boolean damaged(String warning) {
        String text = warning == null ? "" : warning.toLowerCase(java.util.Locale.ROOT);
        return text.contains("truncated") || text.contains("corrupt") || text.contains("premature end");
    }

    /** EXIF orientation 1–8, or 1 when there is none or it cannot be read. */
    static int orientation(Path source) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(source.toFile());
            ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                int value = exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
                return value >= 1 && value <= 8 ? value : 1;
            }
        } catch (ImageProcessingException | MetadataException | IOException | RuntimeException e) {
            // metadata is about to be dropped anyway; unreadable metadata only means no rotation
        }
        return 1;
    }

    /**
     * The pixels turned upright by the EXIF orientation, in plain sRGB (or grey) that the writer can take: at most one
     * full-size copy, drawn straight into the type the file needs (a rotation through an ARGB image and a conversion
     * after it would hold three 12 Mpx rasters at once).
     */
    private static BufferedImage uprightAndPlain(BufferedImage image, int orientation, AcceptedType type) {
        boolean alpha = image.getColorModel().hasAlpha();
        boolean png = type == AcceptedType.PNG || (type == AcceptedType.WEBP && alpha);
        int plainType = png ? plainTypeForPng(image) : plainTypeForJpeg(image);
        if (orientation == 1 && plainType == image.getType()) {
            return image;
        }
        if (!drawable(plainType)) {
            plainType = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_3BYTE_BGR;
        }
        boolean sideways = orientation >= 5;
        int width = sideways ? image.getHeight() : image.getWidth();
        int height = sideways ? image.getWidth() : image.getHeight();
        BufferedImage upright = new BufferedImage(width, height, plainType);
        Graphics2D graphics = upright.createGraphics();
        try {
            graphics.drawImage(image, Orientations.toUpright(orientation, image.getWidth(), image.getHeight()), null);
        } finally {
            graphics.dispose();
        }
        return upright;
    }

    /**
     * The JPEG writer cannot take alpha, and a colour space with an ICC profile of its own would be written into the
     * file as an APP2 segment.
     */
    private static int plainTypeForJpeg(BufferedImage image) {
        int type = image.getType();
        boolean plain = type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_INT_RGB
                || type == BufferedImage.TYPE_BYTE_GRAY;
        return plain ? type : BufferedImage.TYPE_3BYTE_BGR;
    }

    private static int plainTypeForPng(BufferedImage image) {
        ColorSpace space = image.getColorModel().getColorSpace();
        boolean standard = space.isCS_sRGB() || space.getType() == ColorSpace.TYPE_GRAY;
        if (standard && image.getType() != BufferedImage.TYPE_CUSTOM) {
            return image.getType();
        }
        return image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_3BYTE_BGR;
    }

    /** Types a new image can be made in without a palette or colour model of the source's to carry over. */
    private static boolean drawable(int type) {
        return switch (type) {
            case BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_BGR,
                 BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_BYTE_GRAY,
                 BufferedImage.TYPE_USHORT_GRAY -> true;
            default -> false;
        };
    }

    private void write(BufferedImage image, String format, Path target) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        try (FileImageOutputStream out = new FileImageOutputStream(target.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("jpeg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(limits.jpegQuality());
            }
            // no stream or image metadata: the writer emits only what the format itself needs
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    private void writeThumbnail(BufferedImage image, String format, OutputStream out) {
        int side = limits.thumbnailSide();
        try {
            BufferedImage near = halvedTowards(image, side);
            Thumbnails.Builder<BufferedImage> builder = Thumbnails.of(near);
            if (Math.max(near.getWidth(), near.getHeight()) <= side) {
                builder.scale(1.0);
            } else {
                builder.size(side, side);
            }
            if (format.equals("png")) {
                builder.outputFormat("png");
            } else {
                builder.outputFormat("jpg").outputQuality(0.8);
            }
            builder.toOutputStream(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Halves the image (bilinear at exactly half: each pixel the mean of four) until one more step of at most half
     * reaches the thumbnail. Thumbnailator's progressive resizer does the same but first makes a scratch image as
     * large as the photo, in ARGB (48 MB for 12 Mpx); here each step is a quarter of the one before (9 MB, 2 MB, …).
     */
    private static BufferedImage halvedTowards(BufferedImage image, int side) {
        BufferedImage current = image;
        while (Math.max(current.getWidth(), current.getHeight()) > 2 * side) {
            int type = drawable(current.getType()) ? current.getType()
                    : current.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_3BYTE_BGR;
            BufferedImage half = new BufferedImage(Math.max(1, current.getWidth() / 2),
                    Math.max(1, current.getHeight() / 2), type);
            Graphics2D graphics = half.createGraphics();
            try {
                graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                graphics.drawImage(current, 0, 0, half.getWidth(), half.getHeight(), null);
            } finally {
                graphics.dispose();
            }
            current = half;
        }
        return current;
    }
}
