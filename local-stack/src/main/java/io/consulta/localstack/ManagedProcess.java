package io.consulta.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** A child process of the stack: started with its output in a log file, probed until ready, stopped with its children. */
public final class ManagedProcess implements Component {

    private final String name;
    private final String url;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workDir;
    private final Path logFile;
    private final BooleanSupplier readiness;

    private volatile State state = State.WAITING;
    private volatile long startedNanos;
    private volatile long readyMillis = -1;
    private volatile Process process;

    public ManagedProcess(String name, String url, List<String> command, Map<String, String> environment, Path workDir,
                          Path logFile, BooleanSupplier readiness) {
        this.name = name;
        this.url = url;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.workDir = workDir;
        this.logFile = logFile;
        this.readiness = readiness;
    }

    public synchronized void start() {
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(workDir);
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            startedNanos = System.nanoTime();
            process = builder.start();
            state = State.STARTING;
        } catch (IOException e) {
            state = State.FAILED;
            throw new StackException(name + " could not be started: " + e.getMessage(), e);
        }
    }

    /** Checks once whether the process came up; throws if it died. Returns true when ready. */
    public boolean poll() {
        if (state == State.READY) {
            return true;
        }
        if (state != State.STARTING) {
            return false;
        }
        if (!process.isAlive()) {
            state = State.FAILED;
            throw new StackException(name + " exited with code " + process.exitValue() + "; last lines of " + logFile
                    + ":\n" + Logs.tail(logFile, 25));
        }
        if (readiness.getAsBoolean()) {
            readyMillis = Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
            state = State.READY;
            return true;
        }
        return false;
    }

    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!poll()) {
            if (System.nanoTime() > deadline) {
                state = State.FAILED;
                throw new StackException(name + " was not ready within " + timeout.toSeconds() + " s; see " + logFile
                        + ":\n" + Logs.tail(logFile, 25));
            }
            sleep(100);
        }
    }

    public long startedSecondsAgo() {
        return startedNanos == 0 ? 0 : Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds();
    }

    /** SIGTERM, then SIGKILL after {@code grace}; children (e.g. the JVM behind kc.sh) go too. */
    public synchronized void stop(Duration grace) {
        Process running = process;
        if (running == null) {
            return;
        }
        List<ProcessHandle> descendants = running.descendants().toList();
        running.destroy();
        descendants.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        Stream.concat(Stream.of(running.toHandle()), descendants.stream()).forEach(handle -> {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                handle.onExit().get(left, java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (Exception timeout) {
                handle.destroyForcibly();
            }
        });
        process = null;
        state = State.STOPPED;
    }

    public Path logFile() {
        return logFile;
    }

    public long pid() {
        Process running = process;
        return running == null ? -1 : running.pid();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public long readyMillis() {
        return readyMillis;
    }

    @Override
    public long rssMegabytes() {
        Process running = process;
        if (running == null || !running.isAlive()) {
            return -1;
        }
        long kb = Stream.concat(Stream.of(running.toHandle()), running.descendants())
                .mapToLong(handle -> Rss.kilobytes(handle.pid())).sum();
        return kb / 1024;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted", e);
        }
    }
}
