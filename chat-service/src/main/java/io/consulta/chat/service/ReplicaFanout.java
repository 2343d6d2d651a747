package io.consulta.chat.service;

/**
 * Tells the other replicas what happened here, so they deliver it to their own sockets. Implemented by
 * {@code events.Fanout} (a Kafka topic), which hands what the others publish to the {@link FanoutListener}.
 */
public interface ReplicaFanout {

    /** Publishes without waiting; a failure is logged, never thrown at the user's request. */
    void publish(FanoutRecord record);
}
