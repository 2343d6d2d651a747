package io.consulta.localstack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the MongoDB wire-protocol server in its own JVM: {@code <port> <h2-file | memory>}. The H2 backend keeps data
 * across restarts; it is flushed on shutdown, so stop this process with SIGTERM, not SIGKILL. It listens on loopback
 * only, unless {@code -Dconsulta.mongo.bind-host} says otherwise (the container image of deploy/images: 0.0.0.0).
 */
public final class MongoServerMain {

    private MongoServerMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String storage = args.length > 1 ? args[1] : "memory";
        MongoServer server = new MongoServer(backend(storage));
        String host = System.getProperty("consulta.mongo.bind-host", "127.0.0.1");
        server.bind(host, port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-shutdown"));
        System.out.println("mongo-java-server listening on " + host + ":" + port + " (" + storage + ")");
        Thread.currentThread().join();
    }

    public static MongoBackend backend(String storage) throws java.io.IOException {
        MongoBackend backend;
        if ("memory".equals(storage)) {
            backend = new MemoryBackend();
        } else {
            Files.createDirectories(Path.of(storage).toAbsolutePath().getParent());
            // as mongo-java-server ships it, to measure what the settings change (bench/README, issue 18); it cannot
            // read a store H2Store has written (documents in BSON), only one seeded by a build from before
            backend = Boolean.getBoolean("consulta.mongo.plain-h2") ? new H2Backend(storage) : H2Store.open(storage);
        }
        return backend.version(ServerVersion.MONGO_5_0);
    }
}
