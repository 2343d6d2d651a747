package io.consulta.localstack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Which collector each MongoDB store runs with: the reasons are in {@link Mongo}. */
class MongoJvmTest {

    @Test
    void theDiskStoreRunsG1AndTheMemoryStoreTheParallelCollectorWithASmallYoungGeneration() {
        assumeTrue(System.getenv("CONSULTA_MONGO_JAVA_OPTS") == null, "options replaced from the environment");

        assertThat(Mongo.diskJvmOptions("1g")).containsExactly("-Xmx1g", "-Xmn300m", "-XX:+UseG1GC",
                "-XX:MaxGCPauseMillis=20", "-XX:MaxTenuringThreshold=1", "-XX:G1MixedGCCountTarget=16",
                "-XX:G1HeapWastePercent=15");
        assertThat(Mongo.jvmOptions("1g")).containsExactly("-Xmx1g", "-Xmn96m", "-XX:+UseParallelGC");
    }
}
