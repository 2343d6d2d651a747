package io.consulta.media.domain;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import io.consulta.common.domain.InvalidInputException;
import io.consulta.media.Pictures;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.Orientation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageCleanerTest {

    private final ImageCleaner cleaner = new ImageCleaner(new ImageLimits(40_000_000, 4096, 320, 0.9f));

    @TempDir
    Path dir;

    @Test
    void aPhonePhotoLosesItsGpsAndCommentAndStandsUpright() throws Exception {
        byte[] original = Pictures.phonePhotoWithGps();
        assertThat(directoryNames(original)).contains("GPS", "Exif IFD0", "JpegComment");

        Path target = dir.resolve("clean.jpg");
        ByteArrayOutputStream thumbnail = new ByteArrayOutputStream();
        CleanedImage cleaned = cleaner.clean(write(original), AcceptedType.JPEG, target, thumbnail);

        byte[] stored = Files.readAllBytes(target);
        Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(stored));
        assertThat(metadata.getDirectoriesOfType(GpsDirectory.class)).isEmpty();
        assertThat(directoryNames(stored)).doesNotContain("GPS", "Exif IFD0", "Exif SubIFD", "JpegComment", "XMP",
                "IPTC", "ICC Profile");
        assertThat(cleaned.contentType()).isEqualTo("image/jpeg");
        // 60 × 40 stored sideways with orientation 6: upright it is 40 wide, 60 high, red on top
        assertThat(cleaned.width()).isEqualTo(40);
        assertThat(cleaned.height()).isEqualTo(60);
        BufferedImage upright = Pictures.decode(stored);
        assertThat(new Color(upright.getRGB(20, 10)).getRed()).isGreaterThan(200);
        assertThat(new Color(upright.getRGB(20, 50)).getBlue()).isGreaterThan(200);
        assertThat(directoryNames(thumbnail.toByteArray())).doesNotContain("GPS", "Exif IFD0");
    }

    @ParameterizedTest(name = "EXIF orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyOrientationIsTurnedUprightAsThumbnailatorWould(int orientation) throws IOException {
        BufferedImage sideways = Pictures.quadrants(60, 40);
        Path target = dir.resolve("upright.jpg");
        ByteArrayOutputStream thumbnail = new ByteArrayOutputStream();
        cleaner.clean(write(Pictures.jpegWithOrientation(sideways, orientation)), AcceptedType.JPEG, target, thumbnail);

        BufferedImage expected = ExifFilterUtils.getFilterForOrientation(Orientation.typeOf(orientation)).apply(sideways);
        for (BufferedImage upright : List.of(Pictures.decode(Files.readAllBytes(target)),
                Pictures.decode(thumbnail.toByteArray()))) {
            assertThat(upright.getWidth()).isEqualTo(expected.getWidth());
            assertThat(upright.getHeight()).isEqualTo(expected.getHeight());
            for (int[] at : new int[][]{{1, 1}, {3, 1}, {1, 3}, {3, 3}}) { // quadrant centres, in quarters
                int x = at[0] * expected.getWidth() / 4;
                int y = at[1] * expected.getHeight() / 4;
                assertThat(close(new Color(upright.getRGB(x, y)), new Color(expected.getRGB(x, y))))
                        .as("pixel %d,%d", x, y).isTrue();
            }
        }
    }

    @Test
    void aPhotoLargerThanTheThumbnailIsThumbnailedThroughHalvings() throws IOException {
        ByteArrayOutputStream thumbnail = new ByteArrayOutputStream();
        cleaner.clean(write(Pictures.jpeg(Pictures.quadrants(4000, 3000))), AcceptedType.JPEG, dir.resolve("big.jpg"),
                thumbnail);
        BufferedImage thumb = Pictures.decode(thumbnail.toByteArray());
        assertThat(thumb.getWidth()).isEqualTo(320);
        assertThat(thumb.getHeight()).isEqualTo(240);
        assertThat(close(new Color(thumb.getRGB(80, 60)), Color.RED)).isTrue();
        assertThat(close(new Color(thumb.getRGB(240, 180)), Color.WHITE)).isTrue();
    }

    private static boolean close(Color actual, Color expected) {
        return Math.abs(actual.getRed() - expected.getRed()) < 40 && Math.abs(actual.getGreen() - expected.getGreen()) < 40
                && Math.abs(actual.getBlue() - expected.getBlue()) < 40;
    }

    @Test
    void webpBecomesJpegOrPngWhenTransparent() throws IOException {
        ByteArrayOutputStream thumbnail = new ByteArrayOutputStream();
        Path photo = dir.resolve("photo.jpg");
        CleanedImage opaque = cleaner.clean(write(Pictures.resource("photo.webp")), AcceptedType.WEBP, photo, thumbnail);
        assertThat(opaque.contentType()).isEqualTo("image/jpeg");
        assertThat(Pictures.decode(Files.readAllBytes(photo)).getWidth()).isEqualTo(64);

        Path transparent = dir.resolve("transparent.png");
        CleanedImage withAlpha = cleaner.clean(write(Pictures.resource("transparent.webp")), AcceptedType.WEBP,
                transparent, new ByteArrayOutputStream());
        assertThat(withAlpha.contentType()).isEqualTo("image/png");
        BufferedImage png = Pictures.decode(Files.readAllBytes(transparent));
        assertThat(png.getColorModel().hasAlpha()).isTrue();
        assertThat(png.getRGB(50, 10) >>> 24).isZero();
        assertThat(png.getRGB(10, 10) >>> 24).isEqualTo(255);
    }

    @Test
    void cmykJpegsAreDecodedToRgb() throws IOException {
        Path target = dir.resolve("cmyk.jpg");
        CleanedImage cleaned = cleaner.clean(write(Pictures.cmykJpeg(40, 30)), AcceptedType.JPEG, target,
                new ByteArrayOutputStream());
        assertThat(cleaned.width()).isEqualTo(40);
        Color pixel = new Color(Pictures.decode(Files.readAllBytes(target)).getRGB(20, 15));
        assertThat(pixel.getRed()).isGreaterThan(150);
        assertThat(pixel.getGreen()).isLessThan(100);
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeader() throws IOException {
        Path bomb = write(Pictures.pngBomb(30_000));
        assertThatThrownBy(() -> cleaner.checkPixels(bomb, AcceptedType.PNG))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("30000 × 30000")
                .satisfies(e -> assertThat(((InvalidInputException) e).isUnprocessable()).isTrue());
    }

    @Test
    void largeImagesAreStoredSubsampledAndThumbnailsFit320() throws IOException {
        Path target = dir.resolve("wide.png");
        ByteArrayOutputStream thumbnail = new ByteArrayOutputStream();
        CleanedImage cleaned = cleaner.clean(write(Pictures.png(Pictures.leftRedRightBlue(5000, 100))),
                AcceptedType.PNG, target, thumbnail);
        assertThat(cleaned.width()).isEqualTo(2500);
        assertThat(cleaned.height()).isEqualTo(50);
        BufferedImage thumb = Pictures.decode(thumbnail.toByteArray());
        assertThat(Math.max(thumb.getWidth(), thumb.getHeight())).isEqualTo(320);
        assertThat(ImageCleaner.subsampling(4096, 10, 4096)).isEqualTo(1);
        assertThat(ImageCleaner.subsampling(8193, 10, 4096)).isEqualTo(3);
    }

    @Test
    void aTruncatedImageIsRefusedNotPaddedWithGrey() throws IOException {
        byte[] photo = Pictures.jpeg(Pictures.leftRedRightBlue(400, 300));
        Path truncated = write(Arrays.copyOf(photo, photo.length / 2));
        assertThatThrownBy(() -> cleaner.clean(truncated, AcceptedType.JPEG, dir.resolve("t.jpg"),
                new ByteArrayOutputStream()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("damaged or incomplete");
    }

    private Path write(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(dir, "upload", ".bin"), bytes);
    }

    private static List<String> directoryNames(byte[] image) throws Exception {
        Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(image));
        return StreamSupport.stream(metadata.getDirectories().spliterator(), false).map(Directory::getName).toList();
    }
}
