package io.consulta.localstack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class ShutdownTest {

    @TempDir
    Path dir;

    private final List<ProcessHandle> leftovers = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        leftovers.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void theWholeStackStopsUnder15SecondsEvenWhenProcessesIgnoreSigterm() throws Exception {
        List<ManagedProcess> services = List.of(stubborn("auth-service"), stubborn("chat-service"));
        List<ManagedProcess> infrastructure = List.of(stubborn("mongodb"), stubborn("kafka"), stubborn("keycloak"));
        List<ManagedProcess> all = new ArrayList<>(services);
        all.addAll(infrastructure);
        List<Long> pids = all.stream().map(ManagedProcess::pid).toList();

        long started = System.nanoTime();
        List<ManagedProcess> spared = Shutdown.stop(services, infrastructure, message -> { });
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(Duration.ofSeconds(15));
        assertThat(spared).isEmpty();
        assertThat(pids).allSatisfy(pid ->
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse());
        assertThat(all).allMatch(process -> process.state() == Component.State.STOPPED);
    }

    @Test
    void aServiceWritingItsStartupCacheIsAnnouncedAndLeftToFinishInTheBackground() throws Exception {
        ManagedProcess writer = stubborn("appointment-service").writingStartupCacheOnExit(true);
        ManagedProcess plain = stubborn("auth-service");
        leftovers.add(ProcessHandle.of(writer.pid()).orElseThrow());
        List<String> progress = new CopyOnWriteArrayList<>();

        long started = System.nanoTime();
        List<ManagedProcess> spared = Shutdown.stop(List.of(writer, plain), List.of(), progress::add);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        assertThat(spared).containsExactly(writer);
        assertThat(ProcessHandle.of(writer.pid()).map(ProcessHandle::isAlive)).contains(true);
        assertThat(progress.getFirst()).contains("appointment-service").contains("writing startup caches")
                .doesNotContain("auth-service");
        assertThat(progress).anyMatch(line -> line.contains("appointment-service is still writing its startup cache"));
    }

    /** Ignores SIGTERM (as a JVM busy writing its cache effectively does), so only SIGKILL ends it. */
    private ManagedProcess stubborn(String name) throws Exception {
        Path ready = dir.resolve(name + ".ready");
        ManagedProcess process = new ManagedProcess(name, "-",
                List.of("bash", "-c", "trap '' TERM INT; touch " + ready + "; while true; do sleep 0.2; done"), Map.of(),
                dir, dir.resolve(name + ".log"), () -> Files.exists(ready));
        process.start();
        process.awaitReady(Duration.ofSeconds(10));
        return process;
    }
}
