package io.consulta.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class StartupCacheTest {

    @TempDir
    Path dir;

    @Test
    void aCacheNewerThanTheJarIsUsedAndTheFolderIsMadeWhenMissing() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "AOT caches need JDK 25+");
        Path jar = Files.writeString(dir.resolve("quarkus-run.jar"), "jar");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
        Path cacheDir = dir.resolve("cds");

        assertThat(StartupCache.options(cacheDir, "auth-service", jar))
                .containsExactly("-XX:AOTCacheOutput=" + cacheDir.resolve("auth-service.aot"));
        assertThat(cacheDir).isDirectory();

        Files.writeString(cacheDir.resolve("auth-service.aot"), "recorded");
        assertThat(StartupCache.options(cacheDir, "auth-service", jar))
                .containsExactly("-XX:AOTCache=" + cacheDir.resolve("auth-service.aot"));
    }

    @Test
    void anEmptyCacheLeftByAStoppedWriterIsRecordedAgain() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "AOT caches need JDK 25+");
        Path jar = Files.writeString(dir.resolve("quarkus-run.jar"), "jar");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
        Path cache = Files.createFile(Files.createDirectories(dir.resolve("cds")).resolve("auth-service.aot"));

        assertThat(StartupCache.options(dir.resolve("cds"), "auth-service", jar))
                .containsExactly("-XX:AOTCacheOutput=" + cache);
        assertThat(cache).doesNotExist();
    }
}
