package io.consulta.localstack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class WatchdogTest {

    @TempDir
    Path dir;

    private final List<ManagedProcess> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(process -> process.stop(Duration.ofSeconds(2)));
    }

    @Test
    void aProcessThatDiesOnItsOwnIsReportedOnceWithItsLog() throws Exception {
        ManagedProcess kafka = sleeper("kafka");
        ManagedProcess mongo = sleeper("mongodb");
        List<String> alarms = new CopyOnWriteArrayList<>();
        Watchdog watchdog = new Watchdog(List.of(kafka, mongo), () -> false, alarms::add, Duration.ofMillis(200));

        ProcessHandle.of(kafka.pid()).orElseThrow().destroyForcibly();
        ProcessHandle.of(kafka.pid()).ifPresent(h -> h.onExit().join());
        watchdog.checkOnce();
        watchdog.checkOnce();

        assertThat(alarms).singleElement().asString()
                .startsWith("! kafka stopped unexpectedly (exit code 137)").contains("kafka.log");
    }

    /** Ctrl-C: SIGINT reaches every child a moment before the launcher's shutdown hook starts. */
    @Test
    void processesEndedByCtrlCAreNoFalseAlarm() throws Exception {
        List<ManagedProcess> stack = List.of(sleeper("mongodb"), sleeper("kafka"), sleeper("keycloak"));
        AtomicBoolean stopping = new AtomicBoolean();
        List<String> alarms = new CopyOnWriteArrayList<>();
        Watchdog watchdog = new Watchdog(stack, stopping::get, alarms::add, Duration.ofSeconds(1));

        for (ManagedProcess process : stack) {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
            ProcessHandle.of(process.pid()).ifPresent(h -> h.onExit().join());
        }
        Thread.ofVirtual().start(() -> {
            ManagedProcess.sleep(150);
            stopping.set(true);
        });
        watchdog.checkOnce();

        assertThat(stack).allMatch(ManagedProcess::hasExited);
        assertThat(alarms).isEmpty();
    }

    private ManagedProcess sleeper(String name) {
        ManagedProcess process = new ManagedProcess(name, "-", List.of("sleep", "60"), Map.of(), dir,
                dir.resolve(name + ".log"), () -> true);
        process.start();
        started.add(process);
        return process;
    }
}
