package io.consulta.chat.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** A replica takes sockets only once it hears the other replicas, or its users would miss their messages. */
@Readiness
@ApplicationScoped
public class FanoutReadiness implements HealthCheck {

    private final Fanout fanout;

    public FanoutReadiness(Fanout fanout) {
        this.fanout = fanout;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("chat fan-out").status(fanout.isReady())
                .withData("replica", fanout.replicaId()).build();
    }
}
