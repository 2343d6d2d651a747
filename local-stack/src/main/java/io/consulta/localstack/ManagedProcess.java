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
    private volatile boolean writesStartupCacheOnExit;

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
    public void stop(Duration grace) {
        stopBy(System.nanoTime() + grace.toNanos(), false);
    }

    /**
     * SIGTERM to the process and its children, then SIGKILL for whatever is still alive at {@code deadlineNanos}
     * ({@link System#nanoTime()}). With {@code spareCacheWriter}, a process that {@linkplain #writesStartupCacheOnExit()
     * writes its startup cache on exit} is left to finish that on its own instead of being killed half-way.
     * Returns true when it was left running.
     */
    public synchronized boolean stopBy(long deadlineNanos, boolean spareCacheWriter) {
        Process running = process;
        if (running == null) {
            return false;
        }
        List<ProcessHandle> descendants = running.descendants().toList();
        running.destroy();
        descendants.forEach(ProcessHandle::destroy);
        List<ProcessHandle> all = Stream.concat(Stream.of(running.toHandle()), descendants.stream()).toList();
        all.forEach(handle -> awaitExit(handle, deadlineNanos));
        boolean leftRunning = all.stream().anyMatch(ProcessHandle::isAlive);
        if (leftRunning && spareCacheWriter && writesStartupCacheOnExit) {
            state = State.STOPPED;
            return true;
        }
        List<ProcessHandle> killed = Stream.concat(all.stream(), running.descendants()).filter(ProcessHandle::isAlive)
                .toList();
        killed.forEach(ProcessHandle::destroyForcibly);
        long killDeadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        killed.forEach(handle -> awaitExit(handle, killDeadline));
        process = null;
        state = State.STOPPED;
        return false;
    }

    private static void awaitExit(ProcessHandle handle, long deadlineNanos) {
        long left = Math.max(0, deadlineNanos - System.nanoTime());
        try {
            handle.onExit().get(left, java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException stillRunning) {
            // the caller kills it
        }
    }

    /** Marks a service JVM that records its AOT cache when it exits (the first stop after a build takes long). */
    public ManagedProcess writingStartupCacheOnExit(boolean writes) {
        this.writesStartupCacheOnExit = writes;
        return this;
    }

    public boolean writesStartupCacheOnExit() {
        return writesStartupCacheOnExit;
    }

    /** True when the process was started and has exited without {@link #stopBy} having stopped it. */
    public boolean hasExited() {
        Process running = process;
        return running != null && !running.isAlive();
    }

    /** The exit code of a process that {@link #hasExited()}, else -1. */
    public int exitCode() {
        Process running = process;
        return running != null && !running.isAlive() ? running.exitValue() : -1;
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
