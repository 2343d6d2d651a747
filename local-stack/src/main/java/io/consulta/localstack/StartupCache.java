package io.consulta.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * JVM options that make a service's second start faster: the first run records what it loaded and linked, and later
 * runs map it. JDK 25+ gets an AOT cache (classes loaded, linked and profiled; ~1.3 s to ready here); JDK 21–24 a
 * dynamic class-data archive (~1.6 s). A cache older than the jar is recorded again.
 */
final class StartupCache {

    private StartupCache() {
    }

    static List<String> options(Path cacheDir, String name, Path jar) {
        createQuietly(cacheDir);
        if (Runtime.version().feature() >= 25) {
            Path cache = cacheDir.resolve(name + ".aot");
            if (isFresh(cache, jar)) {
                return List.of("-XX:AOTCache=" + cache);
            }
            deleteQuietly(cache);
            return List.of("-XX:AOTCacheOutput=" + cache);
        }
        return List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + cacheDir.resolve(name + ".jsa"));
    }

    /** True when these options make the JVM record its cache as it exits (JDK 25+: a minute of work on that stop). */
    static boolean writesOnExit(List<String> options) {
        return options.stream().anyMatch(option -> option.startsWith("-XX:AOTCacheOutput="));
    }

    private static boolean isFresh(Path cache, Path jar) {
        try {
            // empty: its writer was stopped before it wrote the cache (the JVM would then run without one)
            return Files.exists(cache) && Files.size(cache) > 0
                    && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The JVM writes no cache into a folder that does not exist (and says so only in the service's log). */
    private static void createQuietly(Path cacheDir) {
        try {
            Files.createDirectories(cacheDir);
        } catch (IOException e) {
            // without the folder the service starts without a cache, slower but correct
        }
    }

    private static void deleteQuietly(Path cache) {
        try {
            Files.deleteIfExists(cache);
        } catch (IOException ignored) {
            // a stale cache is only ignored by the JVM, never fatal
        }
    }
}
