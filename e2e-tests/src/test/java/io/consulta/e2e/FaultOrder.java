package io.consulta.e2e;

/**
 * Where fault journeys run: last, each after the one before, the Keycloak outage at the very end (it is not undone).
 * Journeys without {@code @Order} run first (JUnit's default order is {@code Integer.MAX_VALUE / 2}).
 */
final class FaultOrder {

    static final int MONGODB_PAUSED = Integer.MAX_VALUE - 40;
    static final int CHAT_REPLICA_KILLED = Integer.MAX_VALUE - 30;
    static final int KAFKA_STOPPED = Integer.MAX_VALUE - 20;
    static final int KEYCLOAK_STOPPED = Integer.MAX_VALUE - 10;

    private FaultOrder() {
    }
}
