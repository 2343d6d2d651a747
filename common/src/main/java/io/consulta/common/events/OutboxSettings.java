package io.consulta.common.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code consulta.outbox.*}: where a service's outboxes are and how the relay drains them. */
@ConfigMapping(prefix = "consulta.outbox")
public interface OutboxSettings {

    /** The collections whose documents carry an outbox; none: the service publishes nothing and the relay sleeps. */
    Optional<List<String>> collections();

    /** How often the relay looks for entries nobody handed over (a crash between write and flush, another replica). */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long the relay waits after a wake-up to gather more entries into one batch (0: publish at once). */
    @WithDefault("0s")
    Duration gatherFor();
}
