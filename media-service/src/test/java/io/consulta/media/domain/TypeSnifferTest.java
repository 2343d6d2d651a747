package io.consulta.media.domain;

import io.consulta.media.Pictures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypeSnifferTest {

    @TempDir
    Path dir;

    @Test
    void theFourAcceptedTypesAreRecognisedByTheirBytes() throws IOException {
        assertThat(TypeSniffer.detect(write("a.bin", Pictures.jpeg(Pictures.leftRedRightBlue(8, 8)))))
                .isEqualTo(AcceptedType.JPEG);
        assertThat(TypeSniffer.detect(write("a.bin", Pictures.png(Pictures.leftRedRightBlue(8, 8)))))
                .isEqualTo(AcceptedType.PNG);
        assertThat(TypeSniffer.detect(write("a.bin", Pictures.resource("photo.webp")))).isEqualTo(AcceptedType.WEBP);
        assertThat(TypeSniffer.detect(write("a.bin", Pictures.pdf()))).isEqualTo(AcceptedType.PDF);
    }

    @Test
    void aNameSaysNothing() throws IOException {
        assertThatThrownBy(() -> TypeSniffer.detect(write("photo.jpg", Pictures.windowsExecutable())))
                .isInstanceOf(UnsupportedContentException.class)
                .hasMessageContaining("JPEG, PNG or WebP images and PDF documents");
        assertThatThrownBy(() -> TypeSniffer.detect(write("page.png",
                "<!DOCTYPE html><html><body>hi</body></html>".getBytes(StandardCharsets.US_ASCII))))
                .isInstanceOf(UnsupportedContentException.class);
        assertThatThrownBy(() -> TypeSniffer.detect(write("empty.pdf", new byte[0])))
                .isInstanceOf(UnsupportedContentException.class);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }
}
