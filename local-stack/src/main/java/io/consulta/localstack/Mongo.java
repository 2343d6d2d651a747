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
        return node(port, storageFile, workDir, logFile, storageFile == null ? jvmOptions("1g") : diskJvmOptions("1g"));
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
     * A small young generation: mongo-java-server keeps every document on the heap and allocates heavily per command,
     * so how long a young collection stops it (and every write in flight) depends on its size. With the JVM's default
     * young generation Serial pauses were 12–17 ms twice a second under chat load and made up the whole latency tail;
     * with 96 MB and the parallel collector they are a few milliseconds (p50 6 ms, p90 9 ms with 1.5 GB of documents
     * held). ZGC paused less but took about twice MongoDB's CPU per message (both measured in the chat benchmark).
     * {@code CONSULTA_MONGO_JAVA_OPTS} replaces these (e.g. to add a flight recording).
     */
    public static List<String> jvmOptions(String maxHeap) {
        return fromEnvironmentOr("-Xmx" + maxHeap + " -Xmn96m -XX:+UseParallelGC");
    }

    /**
     * The disk store's JVM: G1. H2 keeps the pages it reads and writes on the heap (its page cache, and every page a
     * write copies until the next commit), so under a chat load pages live a few seconds and die; with the parallel
     * collector they filled the old generation every few seconds and each full collection (240–450 ms for 130–290 MB
     * alive) set the whole latency tail. G1 reclaims that garbage a few old regions at a time. How (each measured with
     * `bench/run embedded phases=chat`, issue 18, bench/README): a fixed 300 MB young generation (fewer young pauses);
     * pages that survive one young collection are promoted at once ({@code MaxTenuringThreshold=1}: copying them between
     * survivor spaces again and again was most of each young pause); old regions are collected over 16 mixed
     * collections instead of 8, and not at all while less than 15% of the heap would be reclaimed (shorter, fewer
     * mixed pauses). With them chat p99 at 2,000 msg/s went from 212 ms (parallel) to 35 ms, at 0.28 ms of MongoDB CPU
     * per message; H2's page cache is kept small ({@link H2Store}) for the same reason.
     * {@code CONSULTA_MONGO_JAVA_OPTS} replaces these.
     */
    public static List<String> diskJvmOptions(String maxHeap) {
        return fromEnvironmentOr("-Xmx" + maxHeap + " -Xmn300m -XX:+UseG1GC -XX:MaxGCPauseMillis=20"
                + " -XX:MaxTenuringThreshold=1 -XX:G1MixedGCCountTarget=16 -XX:G1HeapWastePercent=15");
    }

    private static List<String> fromEnvironmentOr(String defaults) {
        return List.of(StackConfig.jvmOptionsOr("CONSULTA_MONGO_JAVA_OPTS", defaults).trim().split("\\s+"));
    }
}
