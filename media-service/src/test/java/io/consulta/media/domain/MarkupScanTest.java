package io.consulta.media.domain;

import io.consulta.media.Pictures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class MarkupScanTest {

    @TempDir
    Path dir;

    @Test
    void findsHtmlHiddenInAJpeg() throws IOException {
        assertThat(MarkupScan.containsMarkup(write(Pictures.jpegHtmlPolyglot()))).isTrue();
        assertThat(MarkupScan.containsMarkup(write(Pictures.jpeg(Pictures.leftRedRightBlue(64, 64))))).isFalse();
    }

    @Test
    void findsATagAcrossTheBoundaryBetweenTwoReads() throws IOException {
        byte[] bytes = new byte[64 * 1024 + 40];
        byte[] tag = "<ScRiPt".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(tag, 0, bytes, 64 * 1024 + 5 - 3, tag.length);
        assertThat(MarkupScan.containsMarkup(write(bytes))).isTrue();
    }

    @Test
    void shortTagsNeedADelimiterSoRandomBytesDoNotMatch() throws IOException {
        assertThat(MarkupScan.containsMarkup(write("xx<htmlfoo".getBytes(StandardCharsets.US_ASCII)))).isFalse();
        assertThat(MarkupScan.containsMarkup(write("xx<HTML>".getBytes(StandardCharsets.US_ASCII)))).isTrue();
        byte[] noise = new byte[3 * 1024 * 1024];
        new Random(42).nextBytes(noise);
        assertThat(MarkupScan.containsMarkup(write(noise))).isFalse();
    }

    private Path write(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(dir, "scan", ".bin");
        return Files.write(file, bytes);
    }
}
