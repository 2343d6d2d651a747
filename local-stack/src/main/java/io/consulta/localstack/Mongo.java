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
        String storage = storageFile == null ? "memory" : storageFile.toString();
        List<String> command = ChildJvm.command(List.of("-Xmx512m", "-XX:+UseSerialGC"),
                MongoServerMain.class.getName(), List.of(Integer.toString(port), storage));
        return new ManagedProcess("mongodb", "mongodb://localhost:" + port, command, Map.of(), workDir, logFile,
                Probes.tcp(port));
    }
}
