package io.consulta.bench;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * What {@code bench/run} starts: the named benchmark's {@code main}, then an exit, as {@code exec:java} ended them —
 * the HTTP and WebSocket clients a benchmark leaves behind would otherwise keep the JVM (and the stack lock) alive.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        try {
            Class.forName(args[0]).getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException failed) {
            failed.getCause().printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }
}
