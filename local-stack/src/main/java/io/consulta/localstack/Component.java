package io.consulta.localstack;

/** One process of the stack, as the progress display and the startup benchmark see it. */
public interface Component {

    enum State { WAITING, STARTING, READY, FAILED, STOPPED }

    String name();

    String url();

    State state();

    /** Milliseconds from start to ready, or -1 while not ready. */
    long readyMillis();

    /** Resident memory in MB, or -1 when not running. */
    long rssMegabytes();
}
