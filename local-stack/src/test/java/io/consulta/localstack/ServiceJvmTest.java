package io.consulta.localstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The services' JVM options on the stack: the reasons are in {@link StackConfig}. */
class ServiceJvmTest {

    @Test
    void theServicesGetASmallHeapAndCodeCacheThatGrowsWithoutWholeHeapCollectionsAndThisJdkAcceptsThem()
            throws Exception {
        assumeTrue(System.getenv("CONSULTA_SERVICE_JAVA_OPTS") == null, "options replaced from the environment");
        String options = StackConfig.local(Path.of(".")).serviceJvmOptions();

        assertThat(options.split(" ")).contains("-Xmx256m", "-XX:+UseSerialGC", "-XX:ReservedCodeCacheSize=64m",
                "-XX:SweeperThreshold=50");
        List<String> command = new ArrayList<>(List.of(ChildJvm.javaExecutable()));
        command.addAll(List.of(options.split(" ")));
        command.add("-version");
        Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(jvm.getInputStream().readAllBytes());
        assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(jvm.exitValue()).as(output).isZero();
    }
}
