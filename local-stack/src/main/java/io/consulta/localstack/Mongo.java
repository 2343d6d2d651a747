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
        return node(port, storageFile, workDir, logFile, jvmOptions("1g"));
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
        String options = StackConfig.jvmOptionsOr("CONSULTA_MONGO_JAVA_OPTS",
                "-Xmx" + maxHeap + " -Xmn96m -XX:+UseParallelGC");
        return List.of(options.trim().split("\\s+"));
    }
}
