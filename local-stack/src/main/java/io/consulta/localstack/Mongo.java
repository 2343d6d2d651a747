package io.consulta.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The MongoDB wire-protocol server (mongo-java-server) in a child JVM. */
public final class Mongo {

    private Mongo() {
    }

    /** {@code storageFile} null means in memory (tests); otherwise an H2 file that survives restarts. */
    public static ManagedProcess node(int port, Path storageFile, Path workDir, Path logFile) {
        return node(port, storageFile, workDir, logFile, jvmOptions());
    }

    /** With JVM options of its own, e.g. a heap sized for a benchmark's data. */
    public static ManagedProcess node(int port, Path storageFile, Path workDir, Path logFile, List<String> jvmOptions) {
        String storage = storageFile == null ? "memory" : storageFile.toString();
        List<String> command = ChildJvm.command(jvmOptions,
                MongoServerMain.class.getName(), List.of(Integer.toString(port), storage));
        return new ManagedProcess("mongodb", "mongodb://localhost:" + port, command, Map.of(), workDir, logFile,
                Probes.tcp(port));
    }

    /**
     * ZGC: mongo-java-server keeps every document on the heap, so each young collection of a stop-the-world collector
     * scanned a growing old generation — 12–17 ms pauses twice a second under chat load, which stalled every write in
     * flight and were the whole latency tail. ZGC pauses stay under a millisecond for a little more CPU.
     * {@code CONSULTA_MONGO_JAVA_OPTS} replaces these, e.g. to add a flight recording while profiling.
     */
    public static List<String> jvmOptions() {
        String override = System.getenv("CONSULTA_MONGO_JAVA_OPTS");
        return override == null || override.isBlank() ? List.of("-Xmx1g", "-XX:+UseZGC")
                : List.of(override.trim().split("\\s+"));
    }
}
