package io.consulta.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManagedProcessTest {

    @TempDir
    Path dir;

    @Test
    void becomesReadyWhenItsProbeSaysSo() throws Exception {
        Path marker = dir.resolve("ready");
        ManagedProcess process = new ManagedProcess("toucher", "-", List.of("bash", "-c", "sleep 0.3; touch " + marker
                + "; sleep 30"), Map.of(), dir, dir.resolve("toucher.log"), () -> Files.exists(marker));

        process.start();
        process.awaitReady(Duration.ofSeconds(10));

        assertThat(process.state()).isEqualTo(Component.State.READY);
        assertThat(process.readyMillis()).isBetween(250L, 10_000L);
        assertThat(process.rssMegabytes()).as("bash and its sleep hold a few MB; 0 would mean /proc was not read")
                .isBetween(1L, 100L);
        process.stop(Duration.ofSeconds(5));
        assertThat(process.state()).isEqualTo(Component.State.STOPPED);
        assertThat(process.rssMegabytes()).as("nothing is running").isEqualTo(-1L);
    }

    @Test
    void aProcessThatDiesSaysWhyWithItsLog() {
        ManagedProcess process = new ManagedProcess("crasher", "-",
                List.of("bash", "-c", "echo 'port 9092 already bound'; exit 3"), Map.of(), dir,
                dir.resolve("crasher.log"), () -> false);

        process.start();

        assertThatThrownBy(() -> process.awaitReady(Duration.ofSeconds(10)))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("crasher exited with code 3")
                .hasMessageContaining("port 9092 already bound");
        assertThat(process.state()).isEqualTo(Component.State.FAILED);
    }

    @Test
    void stoppingLeavesNoOrphanChildren() throws Exception {
        Path childPid = dir.resolve("child.pid");
        ManagedProcess process = new ManagedProcess("parent", "-",
                List.of("bash", "-c", "sleep 300 & echo $! > " + childPid + "; wait"), Map.of(), dir,
                dir.resolve("parent.log"), () -> Files.exists(childPid));
        process.start();
        process.awaitReady(Duration.ofSeconds(10));
        long child = Long.parseLong(Files.readString(childPid).trim());
        assertThat(ProcessHandle.of(child)).isPresent();

        process.stop(Duration.ofSeconds(5));

        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }
}
