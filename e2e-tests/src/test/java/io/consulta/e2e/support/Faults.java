package io.consulta.e2e.support;

import io.consulta.localstack.ManagedProcess;

import java.io.IOException;
import java.time.Duration;

/**
 * Faults done to the running stack's real processes: a clean stop and restart, SIGKILL, and SIGSTOP / SIGCONT (a
 * process that is frozen accepts connections and never answers: the harder case for clients, which must time out).
 */
public final class Faults {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private Faults() {
    }

    public static ManagedProcess component(String name) {
        return StackExtension.stack().component(name);
    }

    public static void stop(String name) {
        component(name).stop(STOP_GRACE);
        System.out.printf("[fault] %s stopped%n", name);
    }

    public static void start(String name) {
        ManagedProcess process = component(name);
        process.start();
        process.awaitReady(START_TIMEOUT);
        System.out.printf("[fault] %s started again, ready in %.1f s%n", name, process.readyMillis() / 1000.0);
    }

    public static void kill(ManagedProcess process) {
        signal(process, "KILL");
        ProcessHandle.of(process.pid()).ifPresent(handle -> handle.onExit().join());
        System.out.printf("[fault] %s killed (SIGKILL)%n", process.name());
    }

    public static void pause(String name) {
        signal(component(name), "STOP");
        System.out.printf("[fault] %s paused (SIGSTOP)%n", name);
    }

    public static void resume(String name) {
        signal(component(name), "CONT");
        System.out.printf("[fault] %s resumed (SIGCONT)%n", name);
    }

    private static void signal(ManagedProcess process, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot signal " + process.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
